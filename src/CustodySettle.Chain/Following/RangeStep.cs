namespace CustodySettle.Chain.Following;

/// <summary>How following one block range ended.</summary>
internal enum RangeStep
{
    /// <summary>Its logs are applied and the cursor is at its end.</summary>
    Advanced,

    /// <summary>Its first block's parent is not the cursor's block: a reorg to roll back.</summary>
    Reorged,

    /// <summary>The provider refused it as too large; the range was halved, nothing applied.</summary>
    Shrunk,

    /// <summary>The chain changed while it was read, or another instance moved the cursor; the poll stops.</summary>
    Stopped,
}
