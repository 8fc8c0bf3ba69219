namespace CustodySettle.Domain.Ledger;

/// <summary>An account as stored: its identity, limit, balances, and whether it is closed.</summary>
public sealed record Account(long Id, AccountKey Key, AccountFlags Flags, AccountBalance Balance, DateTimeOffset? ClosedAt);
