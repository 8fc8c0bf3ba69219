namespace CustodySettle.Margin.Terms;

/// <summary>One version of an eligible asset's valuation percentage, in basis points (9000 = 90 %).</summary>
public sealed record HaircutVersion(string AssetCode, int ValuationBps, int Version, DateTimeOffset EffectiveFrom);
