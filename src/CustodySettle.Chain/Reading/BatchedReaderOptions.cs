using CustodySettle.Chain.Contracts;

namespace CustodySettle.Chain.Reading;

/// <summary>
/// How <see cref="BatchedReader"/> chunks. A Multicall3 chunk ends at <see cref="MaxCallsPerMulticall"/>
/// calls or when the calls' <see cref="ViewCall.GasHint"/>s would pass <see cref="MulticallGasBudget"/>:
/// an eth_call runs under the node's gas cap (anvil: the block gas limit, 30M by default; geth:
/// RPCGasCap, 50M), and Multicall3 gives each inner call 63/64 of what is left (EIP-150), so a budget
/// well under the cap keeps the last call of a chunk from starving. A JSON-RPC batch (one HTTP round
/// trip) ends at <see cref="RequestsPerRoundTrip"/> eth_calls or <see cref="MaxRequestBytes"/> of JSON.
/// </summary>
public sealed record BatchedReaderOptions
{
    /// <summary>Sum of gas hints per aggregate3 eth_call: a third of anvil's 30M default block gas limit.</summary>
    public long MulticallGasBudget { get; init; } = 10_000_000;

    /// <summary>Most calls per aggregate3, whatever their hints (bounds request and answer size).</summary>
    public int MaxCallsPerMulticall { get; init; } = 500;

    /// <summary>
    /// eth_calls per JSON-RPC batch (aggregate3 calls, or plain calls in the fallback). Keep it at or under
    /// the client's <see cref="Rpc.JsonRpcClientOptions.MaxBatchSize"/> (100 by default), which splits larger batches.
    /// </summary>
    public int RequestsPerRoundTrip { get; init; } = 100;

    /// <summary>
    /// Most bytes of JSON per HTTP request: half of anvil's 2 MiB request body limit (a larger batch is
    /// answered −32600 "Invalid request"); geth accepts 5 MB. A single larger eth_call is still sent alone.
    /// </summary>
    public long MaxRequestBytes { get; init; } = 1 << 20;

    /// <summary>
    /// JSON-RPC batches in flight at once in the Multicall3 path (1: one after the other). A node such as
    /// anvil runs the calls of one batch in turn, so two or more overlap its work with the transfer and
    /// decoding of the others (docs/benchmarks.md, "Chain reads and log following").
    /// </summary>
    public int MaxConcurrentRoundTrips { get; init; } = 4;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRoundTrips, 1, nameof(MaxConcurrentRoundTrips));
        ArgumentOutOfRangeException.ThrowIfLessThan(MulticallGasBudget, ReadGas.Light, nameof(MulticallGasBudget));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCallsPerMulticall, 1, nameof(MaxCallsPerMulticall));
        ArgumentOutOfRangeException.ThrowIfLessThan(RequestsPerRoundTrip, 1, nameof(RequestsPerRoundTrip));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBytes, 1024, nameof(MaxRequestBytes));
    }
}
