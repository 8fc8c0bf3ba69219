using CustodySettle.Domain.Money;

namespace CustodySettle.Domain.Ledger;

/// <summary>
/// One transfer to apply. <paramref name="Id"/> is chosen by the client and is the idempotency key,
/// forever. For <see cref="TransferKind.PostPending"/> and <see cref="TransferKind.VoidPending"/>,
/// <paramref name="PendingId"/> names the pending transfer and the accounts must be its accounts.
/// <paramref name="LinkedToNext"/> chains this transfer to the next one of the same submission: a chain
/// succeeds or fails as a whole (TigerBeetle's <c>linked</c> flag).
/// </summary>
public sealed record TransferRequest(
    Guid Id,
    int LedgerId,
    long DebitAccountId,
    long CreditAccountId,
    Amount Amount,
    TransferKind Kind = TransferKind.Immediate,
    Guid? PendingId = null,
    TimeSpan? Timeout = null,
    bool LinkedToNext = false,
    int Code = 0,
    string Reference = "");
