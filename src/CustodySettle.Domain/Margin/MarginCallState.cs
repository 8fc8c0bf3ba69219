namespace CustodySettle.Domain.Margin;

/// <summary>Where a margin call stands (issue 7, "Margin calls").</summary>
public enum MarginCallState
{
    /// <summary>Sent to the desk; the delivery deadline runs.</summary>
    Issued,

    /// <summary>The desk accepted the figure.</summary>
    Acknowledged,

    /// <summary>The desk disputes the figure (its own figure is recorded); the undisputed part is still due.</summary>
    Disputed,

    /// <summary>Some, not all, of the amount has been delivered.</summary>
    PartiallyMet,

    /// <summary>The whole amount was delivered (confirmed by the custodian).</summary>
    Met,

    /// <summary>Ledger, chain and custodian agree on the delivery: final.</summary>
    Settled,

    /// <summary>Unmet at the end of the cure period: withdrawals are blocked until it is met.</summary>
    Defaulted,

    /// <summary>A return call withdrawn before the desk accepted it: the excess it returned is gone.</summary>
    Cancelled,
}
