using CustodySettle.Chain.Rpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChainBench;

/// <summary>
/// The bench's connection to the node: one keep-alive HttpClient (one SocketsHttpHandler) behind a
/// <see cref="RoundTripCounter"/>, the product's <see cref="JsonRpcClient"/> and <see cref="EthClient"/>
/// over it. Retries are off, so a failed request fails the bench instead of adding uncounted work.
/// </summary>
internal sealed class BenchRpc : IDisposable
{
    private readonly HttpClient _http;

    private BenchRpc(Uri endpoint, bool countMethods)
    {
        Endpoint = endpoint;
        Counter = new RoundTripCounter(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) }, countMethods);
        _http = new HttpClient(Counter) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new JsonRpcClientOptions
        {
            MaxReadRetries = 0,
            ReadAttemptTimeout = TimeSpan.FromMinutes(2),
            WriteTimeout = TimeSpan.FromMinutes(2),
        };
        Rpc = new JsonRpcClient(_http, endpoint, options, TimeProvider.System, NullLogger<JsonRpcClient>.Instance);
        Eth = new EthClient(Rpc);
    }

    public RoundTripCounter Counter { get; }

    /// <summary>The HttpClient under <see cref="Rpc"/>, for the raw per-call floor.</summary>
    public HttpClient Http => _http;

    public Uri Endpoint { get; }

    public JsonRpcClient Rpc { get; }

    public EthClient Eth { get; }

    public static BenchRpc Connect(Uri endpoint, bool countMethods = false) => new(endpoint, countMethods);

    public void Dispose()
    {
        Rpc.Dispose();
        _http.Dispose();
    }
}
