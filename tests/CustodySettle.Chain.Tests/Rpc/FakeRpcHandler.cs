using System.Net;
using System.Text;
using System.Text.Json;

namespace CustodySettle.Chain.Tests.Rpc;

/// <summary>
/// A scripted HTTP endpoint for testing the Polly wiring only (retry, breaker, timeout); chain behaviour
/// is tested against anvil. Each answer gets the attempt number (1-based) and the request's id.
/// </summary>
internal sealed class FakeRpcHandler(Func<int, long, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public static HttpResponseMessage Result(long id, string resultJson) => Json($$"""{"jsonrpc":"2.0","id":{{id}},"result":{{resultJson}}}""");

    public static HttpResponseMessage Error(long id, int code, string message) =>
        Json($$$"""{"jsonrpc":"2.0","id":{{{id}}},"error":{"code":{{{code}}},"message":"{{{message}}}"}}""");

    public static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent("upstream unavailable") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
        var id = body.RootElement.ValueKind == JsonValueKind.Object ? body.RootElement.GetProperty("id").GetInt64() : 0;
        return await answer(attempt, id).WaitAsync(cancellationToken);
    }

    private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
