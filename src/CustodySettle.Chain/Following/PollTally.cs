namespace CustodySettle.Chain.Following;

/// <summary>What a poll has done so far, for its <see cref="PollResult"/>.</summary>
internal sealed class PollTally
{
    public long Blocks { get; set; }

    public int Logs { get; set; }

    public int Ranges { get; set; }

    public int ReorgDepth { get; set; }

    public long? CommonAncestor { get; set; }

    public int RangeShrinks { get; set; }
}
