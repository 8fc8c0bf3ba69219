using CustodySettle.Ledger.Journal;

namespace CustodySettle.Ledger.Queries;

/// <summary>One page of journal entries in (ledger, seq) order, and the token for the next page (null at the end).</summary>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Entries, string? NextPageToken);
