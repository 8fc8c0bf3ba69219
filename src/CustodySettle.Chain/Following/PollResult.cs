namespace CustodySettle.Chain.Following;

/// <summary>
/// What one <see cref="LogFollower.PollOnceAsync"/> did: the chain's head and finalized height it saw,
/// the cursor after it, blocks and logs it committed in how many ranges, the reorg it rolled back (depth
/// 0 when none; <c>CommonAncestor</c> the block kept), how often a provider's range error halved the range,
/// the range size it will use next, and whether it reached its target (the head, or the finalized height).
/// </summary>
public sealed record PollResult(
    long HeadBlockNumber,
    long FinalizedBlockNumber,
    long CursorBlockNumber,
    long BlocksProcessed,
    int LogsDelivered,
    int Ranges,
    int ReorgDepth,
    long? CommonAncestor,
    int RangeShrinks,
    long BlockRange,
    bool CaughtUp);
