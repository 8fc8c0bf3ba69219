namespace CustodySettle.Reconciliation;

/// <summary>A break's lifecycle: open, acknowledged by someone looking into it, resolved with a reason.</summary>
public enum BreakStatus
{
    Open,
    Acknowledged,
    Resolved,
}
