namespace CustodySettle.Domain.Ledger;

/// <summary>Who an account belongs to.</summary>
public enum OwnerKind
{
    Desk,
    Venue,
    Custodian,
}
