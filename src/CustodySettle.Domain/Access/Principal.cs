namespace CustodySettle.Domain.Access;

/// <summary>
/// The authenticated caller: the key it used, its role and, for a desk or a custodian, the id it speaks
/// for. Scope rules live here so that every service applies the same ones.
/// </summary>
public sealed record Principal(Guid KeyId, Role Role, string ScopeId)
{
    /// <summary>Auditors and operators see every account; the others only their own.</summary>
    public bool SeesEverything => Role is Role.Auditor or Role.Operator;

    /// <summary>Whether the caller may read an account of <paramref name="ownerId"/> (owner kind
    /// <paramref name="ownerIsDesk"/>) held at <paramref name="custodianId"/>.</summary>
    public bool MaySee(bool ownerIsDesk, string ownerId, string custodianId) => Role switch
    {
        Role.Auditor or Role.Operator => true,
        Role.Desk => ownerIsDesk && string.Equals(ownerId, ScopeId, StringComparison.Ordinal),
        Role.Custodian => string.Equals(custodianId, ScopeId, StringComparison.Ordinal),
        _ => false,
    };

    public override string ToString() => ScopeId.Length == 0 ? $"{Role} key {KeyId:N}" : $"{Role} {ScopeId} (key {KeyId:N})";
}
