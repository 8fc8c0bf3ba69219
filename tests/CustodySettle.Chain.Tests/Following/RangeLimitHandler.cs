using System.Net;
using System.Text;
using System.Text.Json;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Following;

/// <summary>
/// A provider's range limit in front of anvil (which has none): eth_getLogs over more than
/// <paramref name="maxBlocks"/> blocks is answered with Infura's error, -32005 "query returned more
/// than 10000 results"; every other request goes through.
/// </summary>
internal sealed class RangeLimitHandler(int maxBlocks) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _refusals;
    private long _widestServed;

    public int Refusals => Volatile.Read(ref _refusals);

    public long WidestServed => Interlocked.Read(ref _widestServed);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
        var root = body.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.GetProperty("method").GetString() == "eth_getLogs")
        {
            var filter = root.GetProperty("params")[0];
            var blocks = Hex.DecodeQuantityInt64(filter.GetProperty("toBlock").GetString()!) - Hex.DecodeQuantityInt64(filter.GetProperty("fromBlock").GetString()!) + 1;
            if (blocks > maxBlocks)
            {
                Interlocked.Increment(ref _refusals);
                var json = $$$"""{"jsonrpc":"2.0","id":{{{root.GetProperty("id").GetInt64()}}},"error":{"code":-32005,"message":"query returned more than 10000 results"}}""";
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            }

            var widest = Interlocked.Read(ref _widestServed);
            while (blocks > widest && Interlocked.CompareExchange(ref _widestServed, blocks, widest) != widest)
            {
                widest = Interlocked.Read(ref _widestServed);
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
