using CustodySettle.Chain.Rpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Chain.Tests.Rpc;

/// <summary>A client stack for tests: HttpClient -> request counter -> (optional fake or real network).</summary>
internal sealed class TestRpc : IDisposable
{
    /// <summary>Fast retries, so failing tests fail in milliseconds; the rest as in production.</summary>
    public static readonly JsonRpcClientOptions FastOptions = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(5),
    };

    private readonly HttpClient _http;

    private TestRpc(Uri endpoint, HttpMessageHandler? inner, JsonRpcClientOptions? options, TimeProvider? timeProvider)
    {
        Counter = new CountingHandler(inner ?? new SocketsHttpHandler());
        _http = new HttpClient(Counter);
        Rpc = new JsonRpcClient(_http, endpoint, options ?? FastOptions, timeProvider ?? TimeProvider.System, NullLogger<JsonRpcClient>.Instance);
        Eth = new EthClient(Rpc);
    }

    public CountingHandler Counter { get; }

    public JsonRpcClient Rpc { get; }

    public EthClient Eth { get; }

    public static TestRpc Create(Uri endpoint, HttpMessageHandler? inner = null, JsonRpcClientOptions? options = null, TimeProvider? timeProvider = null) =>
        new(endpoint, inner, options, timeProvider);

    public void Dispose()
    {
        Rpc.Dispose();
        _http.Dispose();
    }
}
