using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Queries;

/// <summary>An account's four counters as they stood at a point of its ledger's journal.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="LedgerId">Its ledger (asset).</param>
/// <param name="AsOfSeq">The ledger sequence the balance is taken at (0: before the first entry).</param>
/// <param name="LastEntrySeq">The last entry at or before <paramref name="AsOfSeq"/> that touched the account (0: none).</param>
/// <param name="Balance">The counters after that entry (zero when none).</param>
public sealed record PointInTimeBalance(long AccountId, int LedgerId, long AsOfSeq, long LastEntrySeq, AccountBalance Balance);
