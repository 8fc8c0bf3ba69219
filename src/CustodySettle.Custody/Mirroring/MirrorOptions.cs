namespace CustodySettle.Custody.Mirroring;

/// <summary>How the mirror runs.</summary>
public sealed record MirrorOptions
{
    /// <summary>
    /// Blocks on top of a mint's or burn's block before it counts as done (DOMAIN.md, "Chain following
    /// practice": rindexer uses 24 on OP-stack chains such as Derive Chain). A reorg shallower than this
    /// re-opens the operation instead of leaving a wrong confirmation.
    /// </summary>
    public int FinalityDepth { get; init; } = 24;

    /// <summary>Time between passes over every target when nothing pokes the mirror.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);
}
