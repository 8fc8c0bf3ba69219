using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Reading;

/// <summary>
/// Reads many view calls in few HTTP round trips, all at one block. With a Multicall3, calls are packed
/// into <c>aggregate3</c> calls (allowFailure = true each, so one failing call fails only its own
/// entry), and several aggregate3 eth_calls travel in one JSON-RPC batch. Without one (a chain where
/// none is deployed) every call is a plain eth_call, still batched. The head is read once and every
/// call is made at <c>BlockTag.At(number)</c>, so the results are one consistent snapshot even while
/// blocks are mined; through Multicall3 the block each chunk ran at is checked too (see the Multicall
/// part). Pinning is by number: a reorg replacing that block mid-read is not detected, and the fallback
/// cannot check the block its calls ran at.
/// </summary>
public sealed partial class BatchedReader
{
    /// <summary>The JSON of one eth_call besides its data: envelope, id, method, target, block.</summary>
    private const int RequestOverheadBytes = 160;

    private readonly EthClient _eth;
    private readonly Multicall3Contract? _multicall;
    private readonly BatchedReaderOptions _options;

    /// <param name="eth">The node.</param>
    /// <param name="multicall">The chain's Multicall3; null to use plain eth_calls in JSON-RPC batches.</param>
    /// <param name="options">Chunk sizes; the defaults when null.</param>
    public BatchedReader(EthClient eth, Multicall3Contract? multicall, BatchedReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(eth);
        _options = options ?? new BatchedReaderOptions();
        _options.Validate();
        (_eth, _multicall) = (eth, multicall);
    }

    /// <summary>Whether calls go through Multicall3 (false: the JSON-RPC-batch fallback).</summary>
    public bool UsesMulticall => _multicall is not null;

    /// <summary>
    /// Makes every call at <paramref name="block"/> (the head when null, read once and pinned by number).
    /// A failing call yields a failed <see cref="ViewResult"/>; only a failure of a whole HTTP request
    /// (after the client's retries), a block the node does not have, or a node that keeps running a
    /// chunk at another block (<see cref="MaxPinAttempts"/>) throws <see cref="JsonRpcException"/>.
    /// </summary>
    public async Task<BatchReadResult> ReadAsync(IReadOnlyList<ViewCall> calls, BlockTag? block, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var pinned = await _eth.GetBlockByNumberAsync(block ?? BlockTag.Latest, ct).ConfigureAwait(false)
            ?? throw new JsonRpcException($"The node has no block {block ?? BlockTag.Latest}.");
        var tally = new ReadTally { RoundTrips = 1 };
        var at = BlockTag.At(pinned.Number);
        var results = _multicall is { } multicall
            ? await ReadWithMulticallAsync(multicall, calls, pinned.Number, tally, ct).ConfigureAwait(false)
            : await ReadWithBatchesAsync(calls, at, tally, ct).ConfigureAwait(false);
        return new BatchReadResult(results, pinned.Number, pinned.Hash, tally.RoundTrips, tally.CallsPerRoundTrip, tally.Multicalls, tally.Repeats);
    }

    private async Task<ViewResult[]> ReadWithBatchesAsync(IReadOnlyList<ViewCall> calls, BlockTag at, ReadTally tally, CancellationToken ct)
    {
        var results = new ViewResult[calls.Count];
        var pending = new Queue<int>(Enumerable.Range(0, calls.Count));
        while (pending.Count > 0)
        {
            var round = NextRound(pending, i => (calls[i] ?? throw new ArgumentException("A call is null.", nameof(calls))).Data.Length);
            var answers = await _eth.CallBatchAsync([.. round.Select(i => new CallRequest(calls[i].Target, calls[i].Data))], at, ct).ConfigureAwait(false);
            tally.Add(round.Count);
            for (var i = 0; i < round.Count; i++)
            {
                results[round[i]] = new ViewResult(answers[i].Success, answers[i].Data, answers[i].Error);
            }
        }

        return results;
    }

    /// <summary>
    /// The eth_calls of the next JSON-RPC batch: at most <see cref="BatchedReaderOptions.RequestsPerRoundTrip"/>,
    /// and no more than <see cref="BatchedReaderOptions.MaxRequestBytes"/> of JSON (hex doubles the call data),
    /// but always at least one.
    /// </summary>
    private List<T> NextRound<T>(Queue<T> pending, Func<T, int> dataLength)
    {
        var round = new List<T>();
        long bytes = 0;
        while (round.Count < _options.RequestsPerRoundTrip && pending.TryPeek(out var next))
        {
            var size = (2L * dataLength(next)) + RequestOverheadBytes;
            if (round.Count > 0 && bytes + size > _options.MaxRequestBytes)
            {
                break;
            }

            round.Add(pending.Dequeue());
            bytes += size;
        }

        return round;
    }
}
