namespace CustodySettle.Chain.Rpc;

/// <summary>
/// Which failed reads are worth retrying (the Read pipeline's retry and circuit breaker count these).
/// Writes are never retried whatever this says.
/// </summary>
internal static class TransientRpcErrors
{
    public static bool IsTransient(JsonRpcException error) => error.Kind switch
    {
        JsonRpcErrorKind.Timeout => true,
        // A connection-level failure has no status; 408/429 and the gateway-type 5xx are the provider
        // or a load balancer asking to come back later. Other 4xx (bad key, bad request) stay failed.
        JsonRpcErrorKind.Transport => error.HttpStatusCode is null or 408 or 429 or 500 or 502 or 503 or 504,
        // A cut or garbled body from a proxy: a read is idempotent, so one more try is cheap.
        JsonRpcErrorKind.MalformedResponse => true,
        JsonRpcErrorKind.Rpc => IsTransientRpcError(error),
        _ => false,
    };

    // -32005 (EIP-1474 "limit exceeded") is what providers send for rate limits: retry with backoff. The
    // same code also reports an eth_getLogs result or range too large, which only a smaller range fixes
    // (the log follower halves it), so those are not retried. -32603 "internal error" is what load-balanced
    // providers send for an upstream hiccup; it is retried unless it is a revert (Hardhat reports reverts
    // as -32603), which would fail the same way every time. Everything else (method not found, invalid
    // params, reverts, nonce errors) is a definite answer.
    private static bool IsTransientRpcError(JsonRpcException error) => error.Code switch
    {
        JsonRpcErrorCodes.LimitExceeded => !LogRangeErrors.IsRangeTooLarge(error),
        JsonRpcErrorCodes.InternalError => !error.IsRevert,
        _ => false,
    };
}
