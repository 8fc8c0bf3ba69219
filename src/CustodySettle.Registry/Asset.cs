namespace CustodySettle.Registry;

/// <summary>An eligible asset: amounts are integers of 10^-<paramref name="Decimals"/>; its ledger is <paramref name="LedgerId"/>.</summary>
public sealed record Asset(string AssetCode, int Decimals, int LedgerId, DateTimeOffset CreatedAt);
