using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// <c>Multicall3</c> (contracts/src/periphery/Multicall3.sol; ABI-compatible with the canonical
/// mds1/multicall): many calls in one eth_call. <c>Reading.BatchedReader</c> builds on <see cref="Aggregate3Call"/>.
/// </summary>
public sealed class Multicall3Contract : ContractBinding
{
    public Multicall3Contract(EthClient eth, Address address, ContractAbi abi)
        : base(eth, address, abi)
    {
    }

    /// <summary>aggregate3 over <paramref name="calls"/>, not yet made; its gas hint is the sum of theirs.</summary>
    public ContractRead<IReadOnlyList<Multicall3Result>> Aggregate3Call(IReadOnlyList<Multicall3Call> calls, long gasHint = 0)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var encoded = calls.Select(c => new object?[] { c.Target, c.AllowFailure, c.CallData }).ToList();
        return Caller.Read<IReadOnlyList<Multicall3Result>>("aggregate3", [encoded], gasHint, v =>
            [.. v.Get<IReadOnlyList<object>>(0).Cast<IReadOnlyList<object>>().Select(r => new Multicall3Result((bool)r[0], (byte[])r[1]))]);
    }

    /// <summary>aggregate3 in one eth_call; a call with AllowFailure false that fails reverts the whole.</summary>
    public Task<IReadOnlyList<Multicall3Result>> Aggregate3Async(IReadOnlyList<Multicall3Call> calls, BlockTag? block, CancellationToken ct) =>
        Caller.ReadAsync(Aggregate3Call(calls), block, ct);

    /// <summary>getBlockNumber(): the number of the block the call runs in.</summary>
    public ContractRead<BigInteger> GetBlockNumberCall() => Caller.Read("getBlockNumber", [], ReadGas.Light, v => v.Get<BigInteger>(0));

    public Task<BigInteger> GetBlockNumberAsync(BlockTag? block, CancellationToken ct) => Caller.ReadAsync(GetBlockNumberCall(), block, ct);
}
