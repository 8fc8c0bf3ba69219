namespace ChainBench.Following;

/// <summary>What a consumer table holds after a case: rows, distinct trade ids and their range, and rows whose decoded fields break the emitter's rules.</summary>
internal sealed record TableCheck(long Rows, long DistinctTrades, long MinTrade, long MaxTrade, long Inconsistent)
{
    /// <summary>Exactly one correct row per emitted event (trade ids 0 to events − 1).</summary>
    public bool Matches(long events) =>
        Rows == events && DistinctTrades == events && MinTrade == 0 && MaxTrade == events - 1 && Inconsistent == 0;
}
