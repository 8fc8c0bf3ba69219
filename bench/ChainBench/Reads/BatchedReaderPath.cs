using System.Numerics;
using ChainBench.Seeding;
using CustodySettle.Chain.Reading;
using CustodySettle.Chain.Rpc;

namespace ChainBench.Reads;

/// <summary>The value set's reads through <see cref="BatchedReader"/> (Multicall3 aggregate3 chunks in JSON-RPC batches).</summary>
internal sealed class BatchedReaderPath(BatchedReader reader, ValueSet set) : IReadPath
{
    public string Name => "batched";

    public async Task<PathRead> ReadAsync(IReadOnlyList<SeededAccount> accounts, long block, CancellationToken ct)
    {
        var reads = accounts.Select(set.Reads).ToList();
        var result = await reader.ReadAsync([.. reads.SelectMany(r => r).Select(ViewCall.From)], BlockTag.At(block), ct);
        if (result.BlockNumber != block)
        {
            throw new InvalidOperationException($"The reader read block {result.BlockNumber}, not {block}.");
        }

        var values = new BigInteger[accounts.Count][];
        var next = 0;
        for (var i = 0; i < accounts.Count; i++)
        {
            values[i] = new BigInteger[reads[i].Count];
            for (var v = 0; v < reads[i].Count; v++, next++)
            {
                var answer = result.Results[next];
                values[i][v] = answer.Success
                    ? reads[i][v].Decode(answer.Data)
                    : throw new InvalidOperationException($"{reads[i][v].Function} of account {accounts[i].AccountId} failed: {answer.RpcError?.Message ?? "reverted"}");
            }
        }

        return new PathRead(values, result.RoundTrips);
    }
}
