using CustodySettle.Domain.Access;

namespace CustodySettle.Access;

/// <summary>A row of access_api_keys as Dapper reads it.</summary>
internal sealed record ApiKeyRow(
    Guid KeyId, string Role, string ScopeId, string Label, DateTime CreatedAt, DateTime? RevokedAt, Guid? ReplacedByKeyId, Guid? RotationOf)
{
    public ApiKeyRecord ToRecord() => new(
        KeyId, RoleNames.Parse(Role), ScopeId, Label, Utc(CreatedAt), RevokedAt is { } revoked ? Utc(revoked) : null, ReplacedByKeyId);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
