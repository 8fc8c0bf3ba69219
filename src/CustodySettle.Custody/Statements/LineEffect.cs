namespace CustodySettle.Custody.Statements;

/// <summary>What a statement line did to the ledger.</summary>
public enum LineEffect
{
    /// <summary>Planned, its transfer not yet answered (only between storing and applying).</summary>
    Pending,

    Unchanged,

    Credited,

    Debited,

    /// <summary>A statement with a later as-of time was applied before this one.</summary>
    Superseded,

    /// <summary>The ledger refused the change (for example, it would take available below zero).</summary>
    Rejected,
}
