using Microsoft.Extensions.Logging;

namespace CustodySettle.Grpc.Internal;

/// <summary>The transport's structured logs, with stable event ids (1xx).</summary>
internal static partial class GrpcServerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "gRPC call {Method} finished with {StatusCode} in {ElapsedMs} ms")]
    public static partial void CallFinished(ILogger logger, string method, StatusCode statusCode, double elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "gRPC handler for {Method} threw; the client gets UNKNOWN")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "gRPC call {Method} cancelled by the client")]
    public static partial void CancelledByClient(ILogger logger, string method);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "gRPC call {Method} exceeded its deadline")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "gRPC call {Method} rejected: {StatusCode} {Detail}")]
    public static partial void CallRejected(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "gRPC request refused before routing: HTTP {HttpStatus}, {Reason}")]
    public static partial void RequestRefused(ILogger logger, int httpStatus, string reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Debug, Message = "gRPC call {Method}: the deadline's response could not be written")]
    public static partial void DeadlineResponseFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "gRPC call {Method}: a cancellation callback threw")]
    public static partial void CancellationCallbackFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "gRPC call {Method} ended by server shutdown")]
    public static partial void EndedByShutdown(ILogger logger, string method);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "gRPC services bound: {Count} methods")]
    public static partial void ServicesBound(ILogger logger, int count);
}
