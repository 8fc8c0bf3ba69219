using Microsoft.Extensions.Logging;

namespace CustodySettle.Access;

/// <summary>Access decisions, with stable event ids (7xx). Every denial is logged (issue 6, "Access");
/// a token is never logged, only its key id once it is known.</summary>
internal static partial class AccessLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Denied {Method} from {Peer}: unauthenticated ({Reason})")]
    public static partial void Unauthenticated(ILogger logger, string method, string peer, string reason);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Denied {Method} to {Principal} from {Peer}: role {Role} may not call it")]
    public static partial void RoleDenied(ILogger logger, string method, string principal, string role, string peer);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Denied {Method} to {Principal}: {Reason}")]
    public static partial void ScopeDenied(ILogger logger, string method, string principal, string reason);
}
