using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// An Ethereum JSON-RPC 2.0 client over HTTP: single calls and batches (one POST carrying an array,
/// answers matched by id), typed failures (<see cref="JsonRpcException"/>), and Polly pipelines per
/// call class (<see cref="JsonRpcClientOptions"/>): reads are retried on transient failures behind a
/// circuit breaker; eth_sendRawTransaction and eth_sendTransaction are never retried.
/// </summary>
public sealed partial class JsonRpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly JsonRpcClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<JsonRpcClient> _logger;
    private readonly RpcMetrics _metrics;
    private readonly RpcPipelines _pipelines;
    private long _nextId;

    /// <param name="httpClient">Not owned: the caller disposes it (e.g. one from IHttpClientFactory).</param>
    /// <param name="endpoint">The node's URL; it may hold an API key, which messages and logs redact.</param>
    /// <param name="options">Timeouts, retries, breaker and batch size.</param>
    /// <param name="timeProvider">The clock of backoff, timeouts and the breaker.</param>
    /// <param name="logger">Retries, breaker changes and unanswered writes; never bodies.</param>
    /// <param name="meterFactory">For chain.rpc.calls and chain.rpc.duration; a private meter when null.</param>
    public JsonRpcClient(
        HttpClient httpClient,
        Uri endpoint,
        JsonRpcClientOptions options,
        TimeProvider timeProvider,
        ILogger<JsonRpcClient> logger,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        (_http, _endpoint, _options, _timeProvider, _logger) = (httpClient, endpoint, options, timeProvider, logger);
        Endpoint = EndpointRedaction.Redact(endpoint);
        _metrics = new RpcMetrics(meterFactory);
        _pipelines = new RpcPipelines(options, timeProvider, logger, Endpoint);
    }

    /// <summary>The endpoint with user info, query and key-like path segments redacted.</summary>
    public string Endpoint { get; }

    /// <summary>
    /// Sends one request and returns its result (JSON null included). A read is retried on transient
    /// failures; a write is sent once. Throws <see cref="JsonRpcException"/>.
    /// </summary>
    public Task<JsonElement> CallAsync(JsonRpcRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = request.IsWrite ? _pipelines.Write : _pipelines.Read;
        return ExecuteAsync(pipeline, request.Method, request.IsWrite, ct => SendSingleAsync(request, ct), cancellationToken);
    }

    /// <summary>
    /// Sends the requests as JSON-RPC batches of at most <see cref="JsonRpcClientOptions.MaxBatchSize"/>
    /// (one HTTP POST each) and returns one <see cref="JsonRpcResult"/> per request, in request order:
    /// a request the node failed carries its own error. A failure of a whole batch (transport, timeout,
    /// malformed answer, or the node refusing the batch) throws; a batch of reads is retried as a whole,
    /// a batch holding a write never.
    /// </summary>
    public async Task<IReadOnlyList<JsonRpcResult>> BatchAsync(IReadOnlyList<JsonRpcRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new List<JsonRpcResult>(requests.Count);
        for (var start = 0; start < requests.Count; start += _options.MaxBatchSize)
        {
            var chunk = requests.Skip(start).Take(_options.MaxBatchSize).ToArray();
            if (Array.Exists(chunk, r => r is null))
            {
                throw new ArgumentException("A batch holds a null request.", nameof(requests));
            }

            var hasWrite = Array.Exists(chunk, r => r.IsWrite);
            var answers = await ExecuteAsync(
                hasWrite ? _pipelines.Write : _pipelines.Read, "batch", hasWrite, ct => SendBatchAsync(chunk, ct), cancellationToken);
            for (var i = 0; i < answers.Length; i++)
            {
                _metrics.RecordCall(chunk[i].Method, RpcMetrics.Outcome(answers[i].Error));
            }

            results.AddRange(answers);
        }

        return results;
    }

    private async Task<T> ExecuteAsync<T>(ResiliencePipeline pipeline, string method, bool isWrite, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RpcPipelines.MethodKey, method);
        try
        {
            var result = await pipeline.ExecuteAsync(static async (ctx, send) => await send(ctx.CancellationToken), context, attempt);
            if (result is not JsonRpcResult[])
            {
                _metrics.RecordCall(method, "ok");
            }

            return result;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = error switch
            {
                TimeoutRejectedException timeout => new JsonRpcException(
                    JsonRpcErrorKind.Timeout, method, $"{method} at {Endpoint} timed out after {timeout.Timeout.TotalSeconds} s", timeout),
                BrokenCircuitException broken => new JsonRpcException(
                    JsonRpcErrorKind.CircuitOpen, method, $"{method} at {Endpoint} not sent: the circuit breaker is open after repeated failures", broken),
                _ => error,
            };
            _metrics.RecordCall(method, RpcMetrics.Outcome(failure));
            if (isWrite && failure is JsonRpcException { Kind: not JsonRpcErrorKind.Rpc })
            {
                RpcLog.WriteOutcomeUnknown(_logger, method, Endpoint, RpcMetrics.Outcome(failure));
            }

            if (ReferenceEquals(failure, error))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => _metrics.Dispose();
}
