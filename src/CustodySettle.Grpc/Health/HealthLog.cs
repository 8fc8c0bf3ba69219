using Microsoft.Extensions.Logging;

namespace CustodySettle.Grpc.Health;

/// <summary>The health service's structured logs, with stable event ids (2xx).</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "gRPC health of '{Service}' is now {Status}")]
    public static partial void StatusChanged(ILogger logger, string service, ServingStatus status);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "gRPC health: the server is stopping, every service is now NotServing")]
    public static partial void ShutDown(ILogger logger);

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, Message = "gRPC health of '{Service}' left NotServing: the server is stopping ({Status} ignored)")]
    public static partial void IgnoredAfterShutdown(ILogger logger, string service, ServingStatus status);
}
