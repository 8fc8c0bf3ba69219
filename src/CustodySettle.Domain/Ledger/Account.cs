namespace CustodySettle.Domain.Ledger;

/// <summary>An account as stored: its identity, limits, balances, and whether it is closed.</summary>
public sealed record Account(long Id, AccountKey Key, AccountLimits Limits, AccountBalance Balance, DateTimeOffset? ClosedAt);
