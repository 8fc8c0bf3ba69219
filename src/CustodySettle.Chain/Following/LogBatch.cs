using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Following;

/// <summary>
/// The logs of a block range, sorted by block number and log index, with where the chain stood when
/// they were read. Logs at or below <see cref="FinalizedBlockNumber"/> (head minus the finality depth)
/// are final; the others may still be rolled back (<see cref="ILogConsumer.RollbackAsync"/>). A consumer
/// that must act on final data only records unfinal logs as pending and acts when a later batch's
/// <see cref="FinalizedBlockNumber"/> passes them, or runs its follower with
/// <see cref="LogFollowerOptions.FinalizedOnly"/>.
/// </summary>
public sealed record LogBatch(
    long ChainId,
    long FromBlock,
    long ToBlock,
    Hash32 ToBlockHash,
    IReadOnlyList<LogEntry> Logs,
    long HeadBlockNumber,
    long FinalizedBlockNumber)
{
    /// <summary>The log's block is deeper than the finality depth.</summary>
    public bool IsFinal(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.BlockNumber <= FinalizedBlockNumber;
    }
}
