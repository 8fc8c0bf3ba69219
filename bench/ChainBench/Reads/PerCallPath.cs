using System.Numerics;
using ChainBench.Seeding;
using CustodySettle.Chain.Rpc;

namespace ChainBench.Reads;

/// <summary>
/// One eth_call per value, each awaited before the next, over the bench's one keep-alive HttpClient:
/// what the bindings' <c>...Async</c> views do (ContractCaller.ReadAsync: eth_call, then decode).
/// </summary>
internal sealed class PerCallPath(EthClient eth, ValueSet set) : IReadPath
{
    public string Name => "per-call";

    public async Task<PathRead> ReadAsync(IReadOnlyList<SeededAccount> accounts, long block, CancellationToken ct)
    {
        var at = BlockTag.At(block);
        var values = new BigInteger[accounts.Count][];
        for (var i = 0; i < accounts.Count; i++)
        {
            var reads = set.Reads(accounts[i]);
            values[i] = new BigInteger[reads.Count];
            for (var v = 0; v < reads.Count; v++)
            {
                var data = await eth.CallAsync(new CallRequest(reads[v].Target, reads[v].Data), at, ct);
                values[i][v] = reads[v].Decode(data);
            }
        }

        return new PathRead(values, null);
    }
}
