using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary><c>TradeExecutor</c> (contracts/src/TradeExecutor.sol; after Derive Matching's TradeModule): executes matched perp trades.</summary>
public sealed class TradeExecutorContract : ContractBinding
{
    public TradeExecutorContract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    public Task<bool> IsExecutorAsync(Address executor, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("isExecutor", [executor], ReadGas.Light, v => v.Get<bool>(0)), block, ct);

    /// <summary>Owner only: lets <paramref name="executor"/> submit trades, or stops it (event ExecutorSet). The service's key needs it for close-outs.</summary>
    public Task<SentTransaction> SetExecutorAsync(IChainSigner owner, Address executor, bool allowed, CancellationToken ct) =>
        Caller.SendAsync(owner, "setExecutor", [executor, allowed], ct);

    /// <summary>
    /// Executor only: <paramref name="toAcc"/> buys <paramref name="size"/> (18 decimals; negative = sells)
    /// from <paramref name="fromAcc"/> at <paramref name="price"/>; the position moves at the mark and
    /// (price − mark) x size of cash moves from buyer to seller (event Trade).
    /// </summary>
    public Task<SentTransaction> TradeAsync(
        IChainSigner signer, BigInteger fromAcc, BigInteger toAcc, Address perp, BigInteger size, BigInteger price, CancellationToken ct) =>
        Caller.SendAsync(signer, "trade", [fromAcc, toAcc, perp, size, price], ct);
}
