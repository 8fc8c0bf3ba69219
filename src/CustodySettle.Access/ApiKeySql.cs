namespace CustodySettle.Access;

/// <summary>Every statement the key store runs (0004_registry_and_access.sql).</summary>
internal static class ApiKeySql
{
    public const string Columns = """
        key_id AS KeyId, role AS Role, scope_id AS ScopeId, label AS Label, created_at AS CreatedAt,
        revoked_at AS RevokedAt, replaced_by_key_id AS ReplacedByKeyId, rotation_of AS RotationOf
        """;

    public const string Insert = $"""
        INSERT INTO access_api_keys (key_id, token_sha256, role, scope_id, label, request_id, rotation_of, created_at)
        VALUES (@KeyId, @TokenHash, @Role, @ScopeId, @Label, @RequestId, @RotationOf, @Now)
        ON CONFLICT (request_id) DO NOTHING
        RETURNING {Columns}
        """;

    public const string ByRequest = $"SELECT {Columns} FROM access_api_keys WHERE request_id = @RequestId";

    public const string ById = $"SELECT {Columns} FROM access_api_keys WHERE key_id = @KeyId";

    public const string LockById = $"SELECT {Columns} FROM access_api_keys WHERE key_id = @KeyId FOR UPDATE";

    public const string List = $"SELECT {Columns} FROM access_api_keys ORDER BY created_at, key_id";

    public const string Revoke = $"""
        UPDATE access_api_keys SET revoked_at = coalesce(revoked_at, @Now), replaced_by_key_id = coalesce(replaced_by_key_id, @ReplacedBy)
        WHERE key_id = @KeyId
        RETURNING {Columns}
        """;

    public const string ForAuthentication = """
        SELECT token_sha256 AS TokenHash, role AS Role, scope_id AS ScopeId, revoked_at AS RevokedAt
        FROM access_api_keys WHERE key_id = @KeyId
        """;

    // The bootstrap operator key: inserted once; if an operator has since revoked it, it stays revoked.
    public const string Bootstrap = """
        INSERT INTO access_api_keys (key_id, token_sha256, role, scope_id, label, created_at)
        VALUES (@KeyId, @TokenHash, 'operator', '', 'bootstrap operator key', @Now)
        ON CONFLICT (key_id) DO NOTHING
        """;
}
