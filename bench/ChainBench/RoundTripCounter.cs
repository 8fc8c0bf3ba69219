using System.Collections.Concurrent;
using System.Text.Json;

namespace ChainBench;

/// <summary>
/// Counts the HTTP requests (round trips) to the node. With <c>countMethods</c> it also names each one
/// by its JSON-RPC method ("eth_getLogs", or "batch:eth_getBlockByNumber" for a batch, by its first
/// request), which costs a parse of the body: the follower part uses it, the timed reads do not.
/// </summary>
internal sealed class RoundTripCounter(HttpMessageHandler inner, bool countMethods) : DelegatingHandler(inner)
{
    private readonly ConcurrentDictionary<string, int> _byMethod = new(StringComparer.Ordinal);
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyDictionary<string, int> ByMethod => new SortedDictionary<string, int>(_byMethod, StringComparer.Ordinal);

    public void ResetMethods() => _byMethod.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (countMethods && request.Content is { } content)
        {
            var body = await content.ReadAsByteArrayAsync(cancellationToken);
            _byMethod.AddOrUpdate(MethodOf(body), 1, (_, n) => n + 1);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static string MethodOf(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array
            ? "batch:" + (root.GetArrayLength() > 0 ? root[0].GetProperty("method").GetString() : "empty")
            : root.GetProperty("method").GetString() ?? "?";
    }
}
