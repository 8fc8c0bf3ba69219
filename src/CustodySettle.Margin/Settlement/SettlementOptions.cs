namespace CustodySettle.Margin.Settlement;

/// <summary>How settlement cycles run (docs/settlement.md).</summary>
public sealed record SettlementOptions
{
    /// <summary>
    /// The asset realized PnL and funding settle in: the venue's cash asset (Derive's CashAsset wraps
    /// USDC), so <c>USDC</c> unless set (<c>CS_SETTLEMENT_ASSET</c>).
    /// </summary>
    public string AssetCode { get; init; } = "USDC";

    /// <summary>Cycles close by themselves this often, aligned to the epoch (every 4 h: at 00:00, 04:00, ... UTC);
    /// null closes them only on RunSettlementCycle (<c>CS_SETTLEMENT_INTERVAL_MINUTES</c>, off by default).</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>How long a desk may dispute its settlement before it becomes final (<c>CS_SETTLEMENT_DISPUTE_WINDOW_SECONDS</c>, 1 h).</summary>
    public TimeSpan DisputeWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Blocks below the head a cycle closes at, so a reorg can never change a closed cycle's events
    /// (the mirror's finality depth, <c>CS_MIRROR_FINALITY_DEPTH</c>).
    /// </summary>
    public int FinalityDepth { get; init; } = 24;

    /// <summary>How often the worker finalizes settlements whose window ended and issues their instructions.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Blocks per eth_getLogs request when reading a cycle's events (providers cap ranges; 2,000 is within all common ones).</summary>
    public int LogRange { get; init; } = 2_000;
}
