using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Following;

/// <summary>What a <see cref="LogFollower"/> follows, and how.</summary>
public sealed record LogFollowerOptions
{
    /// <summary>The chain id the node must report (eth_chainId), recorded with the cursor.</summary>
    public required long ChainId { get; init; }

    /// <summary>Contracts whose logs are followed; empty follows every contract.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    /// <summary>Topic conditions by position, as in <see cref="Rpc.LogFilter.Topics"/> (null = wildcard).</summary>
    public IReadOnlyList<IReadOnlyList<Hash32>?> Topics { get; init; } = [];

    /// <summary>The first block to read (e.g. the contracts' deployment block), when no cursor exists yet.</summary>
    public long StartBlock { get; init; }

    /// <summary>
    /// Blocks below the head after which a block counts as final, per chain (../shared/DOMAIN.md):
    /// Ponder uses 65 on Ethereum mainnet and 30 by default; rindexer 20 on mainnet and 24 on OP-stack
    /// chains. The default is Ponder's mainnet figure, the most cautious. Reorgs up to this depth are
    /// rolled back; a deeper one stops the follower (<see cref="LogFollowerException"/>).
    /// </summary>
    public int FinalityDepth { get; init; } = 65;

    /// <summary>Follow only up to head minus <see cref="FinalityDepth"/>: every log delivered is final and
    /// no rollback is expected, at the price of that much latency.</summary>
    public bool FinalizedOnly { get; init; }

    /// <summary>First eth_getLogs range in blocks (The Graph's default is 1,000).</summary>
    public int InitialBlockRange { get; init; } = 1000;

    /// <summary>Smallest range; a provider still refusing it fails the poll.</summary>
    public int MinBlockRange { get; init; } = 1;

    /// <summary>Largest range the density adaptation may grow to.</summary>
    public int MaxBlockRange { get; init; } = 10_000;

    /// <summary>Logs per range the adaptation aims at: more shrinks the range in proportion, under half
    /// of it doubles the range.</summary>
    public int TargetLogsPerRange { get; init; } = 1000;

    /// <summary>Ranges one <see cref="LogFollower.PollOnceAsync"/> handles at most (each is its own transaction).</summary>
    public int MaxRangesPerPoll { get; init; } = 100;

    /// <summary>Pause of <see cref="LogFollower.RunAsync"/> once caught up, and after a failed poll.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChainId, 1, nameof(ChainId));
        ArgumentNullException.ThrowIfNull(Addresses, nameof(Addresses));
        ArgumentNullException.ThrowIfNull(Topics, nameof(Topics));
        ArgumentOutOfRangeException.ThrowIfNegative(StartBlock, nameof(StartBlock));
        ArgumentOutOfRangeException.ThrowIfNegative(FinalityDepth, nameof(FinalityDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinBlockRange, 1, nameof(MinBlockRange));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBlockRange, MinBlockRange, nameof(MaxBlockRange));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBlockRange, MinBlockRange, nameof(InitialBlockRange));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(InitialBlockRange, MaxBlockRange, nameof(InitialBlockRange));
        ArgumentOutOfRangeException.ThrowIfLessThan(TargetLogsPerRange, 1, nameof(TargetLogsPerRange));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRangesPerPoll, 1, nameof(MaxRangesPerPoll));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
    }
}
