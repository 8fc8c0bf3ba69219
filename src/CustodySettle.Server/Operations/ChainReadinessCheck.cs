using System.Net.Http.Headers;
using System.Text.Json;

namespace CustodySettle.Server.Operations;

/// <summary>
/// The chain's JSON-RPC endpoint answers <c>eth_chainId</c> with a result (Ethereum JSON-RPC API; the
/// cheapest call every node serves, needing no state).
/// </summary>
internal sealed class ChainReadinessCheck(Uri rpcUrl) : IReadinessCheck, IDisposable
{
    private const string Request = """{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""";

    // Timeouts come from ReadinessService's token; this client's own limit is only a backstop.
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Name => "chain";

    public async Task CheckAsync(CancellationToken ct)
    {
        using var content = new StringContent(Request);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(rpcUrl, content, ct);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var reply = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        if (reply.RootElement.ValueKind != JsonValueKind.Object
            || !reply.RootElement.TryGetProperty("result", out var result)
            || result.ValueKind != JsonValueKind.String)
        {
            throw new InvalidOperationException($"eth_chainId answered without a result: {reply.RootElement.GetRawText()}");
        }
    }

    public void Dispose() => _http.Dispose();
}
