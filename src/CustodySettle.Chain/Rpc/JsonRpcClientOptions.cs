namespace CustodySettle.Chain.Rpc;

/// <summary>
/// How <see cref="JsonRpcClient"/> times out, retries and breaks. Reads (every method but the two
/// sends) go through retry with exponential backoff and jitter, a circuit breaker and a per-attempt
/// timeout; writes (eth_sendRawTransaction, eth_sendTransaction) get a timeout only and are never re-sent.
/// </summary>
public sealed record JsonRpcClientOptions
{
    /// <summary>Time limit of one read attempt.</summary>
    public TimeSpan ReadAttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a transient read failure (so at most this plus one attempts).</summary>
    public int MaxReadRetries { get; init; } = 3;

    /// <summary>Backoff before the first retry; doubled per retry, with jitter (Polly's decorrelated jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest backoff between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The breaker opens when this share of the sampled read attempts failed transiently...</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>...and at least this many attempts were sampled...</summary>
    public int BreakerMinimumThroughput { get; init; } = 20;

    /// <summary>...within this window.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker fails reads fast before letting one trial through.</summary>
    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time limit of a write; past it the outcome is unknown and the caller checks by hash and nonce.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most requests per HTTP batch; a longer batch is sent as several (geth allows 1,000 by default).</summary>
    public int MaxBatchSize { get; init; } = 100;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReadAttemptTimeout, TimeSpan.Zero, nameof(ReadAttemptTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxReadRetries, nameof(MaxReadRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryBaseDelay, TimeSpan.Zero, nameof(RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryMaxDelay, RetryBaseDelay, nameof(RetryMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BreakerFailureRatio, 0, nameof(BreakerFailureRatio));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BreakerFailureRatio, 1, nameof(BreakerFailureRatio));
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakerMinimumThroughput, 2, nameof(BreakerMinimumThroughput));
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakerSamplingDuration, TimeSpan.FromMilliseconds(500), nameof(BreakerSamplingDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakerBreakDuration, TimeSpan.FromMilliseconds(500), nameof(BreakerBreakDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WriteTimeout, TimeSpan.Zero, nameof(WriteTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
    }
}
