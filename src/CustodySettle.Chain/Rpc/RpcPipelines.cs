using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// The Polly v8 pipelines, one per call class. Read, outermost first: retry (exponential backoff with
/// jitter, transient failures only) -> circuit breaker (counts the same failures; open, it fails
/// reads fast) -> per-attempt timeout; the order of Microsoft.Extensions.Http.Resilience's standard
/// pipeline. Write: a timeout only. A write is never re-sent blindly: a lost answer leaves the outcome
/// unknown, and only the caller, checking the hash and nonce, may decide to send again.
/// </summary>
internal sealed class RpcPipelines
{
    public static readonly ResiliencePropertyKey<string> MethodKey = new("custodysettle.rpc.method");

    public RpcPipelines(JsonRpcClientOptions options, TimeProvider timeProvider, ILogger logger, string endpoint)
    {
        var transient = new PredicateBuilder()
            .Handle<JsonRpcException>(e => e.IsTransient)
            .Handle<TimeoutRejectedException>();

        var read = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "chain-rpc-read" };
        if (options.MaxReadRetries > 0)
        {
            read.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                OnRetry = args =>
                {
                    var method = args.Context.Properties.GetValue(MethodKey, "?");
                    RpcLog.Retrying(logger, method, endpoint, RpcMetrics.Outcome(args.Outcome.Exception), args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        Read = read
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                OnOpened = args =>
                {
                    RpcLog.BreakerOpened(logger, endpoint, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    RpcLog.BreakerClosed(logger, endpoint);
                    return default;
                },
            })
            .AddTimeout(options.ReadAttemptTimeout)
            .Build();

        Write = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "chain-rpc-write" }
            .AddTimeout(options.WriteTimeout)
            .Build();
    }

    /// <summary>Reads: retried, broken, timed out per attempt.</summary>
    public ResiliencePipeline Read { get; }

    /// <summary>Writes: timed out, never retried.</summary>
    public ResiliencePipeline Write { get; }
}
