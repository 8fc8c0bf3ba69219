using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Reading;

/// <summary>
/// The Multicall3 path: calls packed into aggregate3 chunks by count and gas, chunks sent in JSON-RPC
/// batches. Each chunk starts with Multicall3.getBlockNumber(), so the reader sees which block the node
/// really ran it at: anvil runs a call for the head block on its live state (foundry-rs/foundry#1583
/// keeps cached states only for blocks below the head), and a block mined meanwhile leaks in. A chunk
/// run at another block is sent again, up to <see cref="MaxPinAttempts"/> times.
/// </summary>
public sealed partial class BatchedReader
{
    /// <summary>How often a chunk is sent before a node that keeps running it at another block is an error.</summary>
    public const int MaxPinAttempts = 4;

    private async Task<ViewResult[]> ReadWithMulticallAsync(
        Multicall3Contract multicall, IReadOnlyList<ViewCall> calls, long pinned, ReadTally tally, CancellationToken ct)
    {
        var results = new ViewResult[calls.Count];
        var blockCheck = multicall.GetBlockNumberCall();
        var pending = new Queue<MulticallChunk>(Pack(calls));
        foreach (var chunk in pending)
        {
            chunk.Read = multicall.Aggregate3Call(
                [new Multicall3Call(blockCheck.Target, false, blockCheck.Data), .. chunk.Calls.Select(c => new Multicall3Call(c.Target, AllowFailure: true, c.Data))],
                chunk.Gas);
        }

        var at = BlockTag.At(pinned);
        while (pending.Count > 0)
        {
            var rounds = new List<List<MulticallChunk>>();
            while (pending.Count > 0)
            {
                rounds.Add(NextRound(pending, c => c.Read!.Data.Length));
            }

            // Several JSON-RPC batches in flight: the node runs one batch's calls in turn, so overlapping
            // batches keep its cores (and ours, decoding) busy instead of alternating. Chunks touch
            // disjoint result slots; the tally and the requeue list are shared, under a lock.
            var stale = new List<MulticallChunk>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRoundTrips, CancellationToken = ct };
            await Parallel.ForEachAsync(rounds, parallel, async (round, token) =>
            {
                var answers = await _eth.CallBatchAsync([.. round.Select(c => new CallRequest(c.Read!.Target, c.Read.Data))], at, token).ConfigureAwait(false);
                var ranElsewhere = round.Where((chunk, i) => !Fill(results, chunk, answers[i], blockCheck, pinned)).ToList();
                lock (stale)
                {
                    tally.Add(round.Sum(c => c.Calls.Count));
                    tally.Multicalls += round.Count;
                    stale.AddRange(ranElsewhere);
                }
            }).ConfigureAwait(false);

            foreach (var chunk in stale)
            {
                Requeue(pending, chunk, pinned, tally);
            }
        }

        return results;
    }

    private static void Requeue(Queue<MulticallChunk> pending, MulticallChunk chunk, long pinned, ReadTally tally)
    {
        if (++chunk.Attempts >= MaxPinAttempts)
        {
            throw new JsonRpcException($"The node ran an eth_call for block {pinned} at another block {MaxPinAttempts} times; its reads cannot be pinned.");
        }

        tally.Repeats++;
        pending.Enqueue(chunk);
    }

    /// <summary>
    /// Spreads one aggregate3's answer over its calls; false when it ran at a block other than
    /// <paramref name="pinned"/>. A failure of the aggregate3 itself (the node's gas cap, say) fails each of its calls.
    /// </summary>
    private static bool Fill(
        ViewResult[] results, MulticallChunk chunk, CallResult answer, ContractRead<BigInteger> blockCheck, long pinned)
    {
        IReadOnlyList<Multicall3Result>? inner = null;
        var error = answer.Error;
        if (answer.Success)
        {
            try
            {
                inner = chunk.Read!.Decode(answer.Data);
                if (inner.Count == chunk.Calls.Count + 1 && blockCheck.Decode(inner[0].ReturnData) != pinned)
                {
                    return false;
                }
            }
            catch (AbiDecodingException decoding)
            {
                error = new JsonRpcException($"aggregate3 returned data that does not decode: {decoding.Message}", decoding);
                inner = null;
            }
        }

        for (var i = 0; i < chunk.Calls.Count; i++)
        {
            results[chunk.Start + i] = inner is not null && inner.Count == chunk.Calls.Count + 1
                ? new ViewResult(inner[i + 1].Success, inner[i + 1].ReturnData)
                : new ViewResult(false, ReadOnlyMemory<byte>.Empty, error ?? new JsonRpcException("aggregate3 returned the wrong number of results."));
        }

        return true;
    }

    /// <summary>Consecutive calls, cut at the call count or gas budget (a call over the budget alone gets a chunk of its own).</summary>
    private List<MulticallChunk> Pack(IReadOnlyList<ViewCall> calls)
    {
        var chunks = new List<MulticallChunk>();
        var current = new MulticallChunk(0);
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i] ?? throw new ArgumentException("A call is null.", nameof(calls));
            var gas = Math.Max(call.GasHint, 0);
            if (current.Calls.Count > 0
                && (current.Calls.Count == _options.MaxCallsPerMulticall || current.Gas + gas > _options.MulticallGasBudget))
            {
                chunks.Add(current);
                current = new MulticallChunk(i);
            }

            current.Calls.Add(call);
            current.Gas += gas;
        }

        if (current.Calls.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }
}
