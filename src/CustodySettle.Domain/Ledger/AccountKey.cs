namespace CustodySettle.Domain.Ledger;

/// <summary>
/// What an account is: its ledger (one per asset), owner, the custodian holding the collateral, and
/// its purpose (<c>available</c>, <c>margin_locked</c>, <c>pending_settlement</c>, <c>omnibus</c>, ...:
/// lower snake case). Opening the same key twice yields the same account.
/// </summary>
public sealed record AccountKey(int LedgerId, OwnerKind OwnerKind, string OwnerId, string CustodianId, string Purpose);
