using Microsoft.Extensions.Logging;

namespace CustodySettle.Chain.Following;

/// <summary>The log follower's logs, source-generated with stable event ids.</summary>
internal static partial class FollowerLog
{
    [LoggerMessage(EventId = 720, Level = LogLevel.Information, Message = "Log follower {Follower} on chain {ChainId} starts after block {Cursor}")]
    public static partial void Started(ILogger logger, string follower, long chainId, long cursor);

    [LoggerMessage(EventId = 721, Level = LogLevel.Warning, Message = "Log follower {Follower}: reorg of depth {Depth} detected; rolled back from block {Dropped} to common ancestor {Ancestor}")]
    public static partial void ReorgRolledBack(ILogger logger, string follower, int depth, long dropped, long ancestor);

    [LoggerMessage(EventId = 722, Level = LogLevel.Information, Message = "Log follower {Follower}: provider refused blocks {From}-{To} (JSON-RPC {Code}); range shrunk to {Range} blocks")]
    public static partial void RangeShrunk(ILogger logger, string follower, long from, long to, int? code, long range);

    [LoggerMessage(EventId = 723, Level = LogLevel.Information, Message = "Log follower {Follower} caught up at block {Cursor} (head {Head})")]
    public static partial void CaughtUp(ILogger logger, string follower, long cursor, long head);

    [LoggerMessage(EventId = 724, Level = LogLevel.Debug, Message = "Log follower {Follower}: the chain moved while blocks {From}-{To} were read; next poll reads them again")]
    public static partial void ChainMoved(ILogger logger, string follower, long from, long to);

    [LoggerMessage(EventId = 725, Level = LogLevel.Warning, Message = "Log follower {Follower}: its cursor was moved by another instance; this poll stops")]
    public static partial void CursorMoved(ILogger logger, string follower);

    [LoggerMessage(EventId = 726, Level = LogLevel.Error, Message = "Log follower {Follower}: poll failed; retrying after the poll interval")]
    public static partial void PollFailed(ILogger logger, Exception error, string follower);
}
