using Microsoft.Extensions.Logging;

namespace CustodySettle.Chain.Rpc;

/// <summary>The JSON-RPC client's logs, source-generated with stable event ids. Request and response
/// bodies are never logged: a body may hold a signed transaction.</summary>
internal static partial class RpcLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "JSON-RPC {Method} at {Endpoint} failed ({Outcome}); retry {Retry} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string endpoint, string outcome, int retry, double delayMs);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "JSON-RPC circuit breaker for {Endpoint} opened for {BreakSeconds} s: reads fail fast until a trial call succeeds")]
    public static partial void BreakerOpened(ILogger logger, string endpoint, double breakSeconds);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "JSON-RPC circuit breaker for {Endpoint} closed")]
    public static partial void BreakerClosed(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "JSON-RPC write {Method} at {Endpoint}: no answer ({Outcome}); the transaction may or may not have reached the node, check it by hash and nonce before sending again")]
    public static partial void WriteOutcomeUnknown(ILogger logger, string method, string endpoint, string outcome);
}
