using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Journal;

/// <summary>Both accounts' four counters after an entry: what a balance at that point in time is.</summary>
public readonly record struct BalanceSnapshot(Amount DebitsPending, Amount DebitsPosted, Amount CreditsPending, Amount CreditsPosted);

/// <summary>
/// One row of <c>ledger_journal</c>: an applied transfer with both accounts' balances after it, in its
/// ledger's hash chain. Immutable once written; the service's role cannot update or delete it.
/// </summary>
public sealed record JournalEntry(
    int LedgerId,
    long Seq,
    Guid TransferId,
    string Kind,
    long DebitAccountId,
    long CreditAccountId,
    Amount Amount,
    Guid? PendingId,
    int Code,
    string Reference,
    BalanceSnapshot DebitAfter,
    BalanceSnapshot CreditAfter,
    DateTimeOffset RecordedAt,
    byte[] PrevHash,
    byte[] Hash);
