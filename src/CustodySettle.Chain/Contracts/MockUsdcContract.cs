using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary><c>MockUSDC</c> (contracts/src/assets/MockUSDC.sol): a 6-decimal ERC-20 only its owner mints.</summary>
public sealed class MockUsdcContract : ContractBinding
{
    public MockUsdcContract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    public ContractRead<BigInteger> BalanceOfCall(Address account) =>
        Caller.Read("balanceOf", [account], ReadGas.Light, v => v.Get<BigInteger>(0));

    public Task<BigInteger> BalanceOfAsync(Address account, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(BalanceOfCall(account), block, ct);

    public Task<BigInteger> AllowanceAsync(Address owner, Address spender, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("allowance", [owner, spender], ReadGas.Light, v => v.Get<BigInteger>(0)), block, ct);

    public Task<BigInteger> TotalSupplyAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("totalSupply", [], ReadGas.Light, v => v.Get<BigInteger>(0)), block, ct);

    public Task<int> DecimalsAsync(BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Caller.Read("decimals", [], ReadGas.Light, v => (int)v.Get<BigInteger>(0)), block, ct);

    /// <summary>Owner only: mints <paramref name="amount"/> units to <paramref name="to"/>.</summary>
    public Task<SentTransaction> MintAsync(IChainSigner signer, Address to, BigInteger amount, CancellationToken ct) =>
        Caller.SendAsync(signer, "mint", [to, amount], ct);

    public Task<SentTransaction> ApproveAsync(IChainSigner signer, Address spender, BigInteger amount, CancellationToken ct) =>
        Caller.SendAsync(signer, "approve", [spender, amount], ct);

    public Task<SentTransaction> TransferAsync(IChainSigner signer, Address to, BigInteger amount, CancellationToken ct) =>
        Caller.SendAsync(signer, "transfer", [to, amount], ct);
}
