namespace CustodySettle.Domain.Ledger;

/// <summary>
/// The outcome of one transfer. Every failure is specific and leaves nothing written but the failure
/// record itself, which makes a retry of the same id return the same failure.
/// </summary>
public enum TransferResult
{
    Ok,

    /// <summary>The id was used before with a different request; <see cref="TransferOutcome.DifferingField"/> names a field that differs.</summary>
    ExistsWithDifferentFields,
    IdMustNotBeEmpty,
    AmountMustBePositive,
    AccountsMustBeDifferent,
    DebitAccountNotFound,
    CreditAccountNotFound,
    DebitAccountClosed,
    CreditAccountClosed,

    /// <summary>An account is not in the transfer's ledger: assets never mix.</summary>
    LedgerMismatch,
    ExceedsCredits,
    ExceedsDebits,

    /// <summary>A counter would pass the 78-digit maximum.</summary>
    Overflow,
    TimeoutOnlyForPending,
    TimeoutMustBePositive,
    PendingIdRequired,
    PendingIdNotAllowed,
    PendingTransferNotFound,
    PendingTransferAlreadyPosted,
    PendingTransferAlreadyVoided,
    PendingTransferExpired,

    /// <summary>A post or void names different accounts or a different ledger than its pending transfer.</summary>
    PendingTransferMismatch,
    PostAmountExceedsPending,
    ReferenceTooLong,

    /// <summary>Another transfer of this one's linked chain failed, so none of the chain applied.</summary>
    LinkedTransferFailed,

    /// <summary>The submission's last transfer is linked to a next one that does not exist.</summary>
    LinkedChainOpen,
}
