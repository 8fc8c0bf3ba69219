using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Writing;

/// <summary>A locked (or newly reserved) ledger_pending row during a batch.</summary>
internal sealed class PendingState(Guid transferId, int ledgerId, long debitAccountId, long creditAccountId, Amount amount, string state, DateTimeOffset? timeoutAt, bool isNew)
{
    public const string Pending = "pending";
    public const string Posted = "posted";
    public const string Voided = "voided";
    public const string Expired = "expired";

    public Guid TransferId { get; } = transferId;

    public int LedgerId { get; } = ledgerId;

    public long DebitAccountId { get; } = debitAccountId;

    public long CreditAccountId { get; } = creditAccountId;

    public Amount Amount { get; } = amount;

    public DateTimeOffset? TimeoutAt { get; } = timeoutAt;

    /// <summary>Reserved in this batch: inserted rather than updated.</summary>
    public bool IsNew { get; } = isNew;

    public string State { get; set; } = state;

    public Guid? ResolvedBy { get; set; }

    public bool Dirty { get; set; }
}
