using CustodySettle.Domain.Access;

namespace CustodySettle.Access;

/// <summary>A key as stored, without its secret.</summary>
public sealed record ApiKeyRecord(
    Guid KeyId, Role Role, string ScopeId, string Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, Guid? ReplacedByKeyId)
{
    public bool IsRevoked => RevokedAt is not null;
}
