using Microsoft.Extensions.Logging;

namespace CustodySettle.Ledger.Writing;

/// <summary>The writer's and the expirer's logs, source-generated with stable event ids.</summary>
internal static partial class LedgerWriterLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Debug, Message = "Ledger batch of {Submissions} submissions, {Transfers} transfers committed on attempt {Attempt} in {ElapsedMs} ms")]
    public static partial void BatchCommitted(ILogger logger, int submissions, int transfers, int attempt, double elapsedMs);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Ledger batch of {Transfers} transfers failed on attempt {Attempt}; retrying the whole batch")]
    public static partial void BatchRetrying(ILogger logger, Exception error, int transfers, int attempt);

    [LoggerMessage(EventId = 502, Level = LogLevel.Error, Message = "Ledger batch of {Transfers} transfers failed on attempt {Attempt}; its callers get the error")]
    public static partial void BatchFailed(ILogger logger, Exception error, int transfers, int attempt);

    [LoggerMessage(EventId = 510, Level = LogLevel.Information, Message = "Expired {Expired} of {Due} due pending transfers")]
    public static partial void PendingExpired(ILogger logger, int expired, int due);

    [LoggerMessage(EventId = 511, Level = LogLevel.Error, Message = "Pending transfer expiry pass failed; the next pass retries")]
    public static partial void ExpiryFailed(ILogger logger, Exception error);
}
