using System.Globalization;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using ChainBench.Seeding;
using CustodySettle.Chain.Primitives;

namespace ChainBench.Reads;

/// <summary>
/// A floor for the per-call path, for reference only: the same eth_calls, one per value, each awaited,
/// over the same HttpClient, but with a hand-written request body and no JsonRpcClient (no Polly
/// pipeline, no metrics). Its distance to <see cref="PerCallPath"/> is our client's cost per call.
/// </summary>
internal sealed class RawPerCallPath(HttpClient http, Uri endpoint, ValueSet set) : IReadPath
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private long _id;

    public string Name => "per-call-raw";

    public async Task<PathRead> ReadAsync(IReadOnlyList<SeededAccount> accounts, long block, CancellationToken ct)
    {
        var at = Hex.EncodeQuantity(block);
        var values = new BigInteger[accounts.Count][];
        for (var i = 0; i < accounts.Count; i++)
        {
            var reads = set.Reads(accounts[i]);
            values[i] = new BigInteger[reads.Count];
            for (var v = 0; v < reads.Count; v++)
            {
                var body = string.Create(CultureInfo.InvariantCulture,
                    $$"""{"jsonrpc":"2.0","id":{{++_id}},"method":"eth_call","params":[{"to":"{{reads[v].Target.ToLowerHex()}}","data":"{{Hex.Encode(reads[v].Data.Span)}}"},"{{at}}"]}""");
                using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                content.Headers.ContentType = Json;
                using var response = await http.PostAsync(endpoint, content, ct);
                using var answer = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
                var result = answer.RootElement.TryGetProperty("result", out var r) ? r.GetString() : null;
                values[i][v] = result is not null && Hex.TryDecode(result, out var data)
                    ? reads[v].Decode(data)
                    : throw new InvalidOperationException($"eth_call {reads[v].Function} of account {accounts[i].AccountId} failed: {answer.RootElement}");
            }
        }

        return new PathRead(values, null);
    }
}
