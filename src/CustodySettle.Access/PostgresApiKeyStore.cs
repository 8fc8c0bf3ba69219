using CustodySettle.Domain.Access;
using CustodySettle.Domain.Errors;
using Dapper;
using Npgsql;

namespace CustodySettle.Access;

/// <summary>
/// API keys on PostgreSQL. Creating and rotating are idempotent by the caller's request id (a replay
/// returns the same key, without the secret, which is never stored); revoking is idempotent by nature.
/// </summary>
public sealed class PostgresApiKeyStore
{
    private const string ScopeExistsSql = """
        SELECT CASE WHEN @Role = 'desk' THEN EXISTS (SELECT 1 FROM registry_desks WHERE desk_id = @ScopeId)
                    ELSE EXISTS (SELECT 1 FROM registry_custodians WHERE custodian_id = @ScopeId) END
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;

    public PostgresApiKeyStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (_dataSource, _timeProvider) = (dataSource, timeProvider);
    }

    /// <summary>Issues a key for <paramref name="role"/> speaking for <paramref name="scopeId"/> (a desk or custodian id for those roles, empty otherwise).</summary>
    /// <exception cref="NotFoundException">The desk or custodian does not exist.</exception>
    /// <exception cref="ConflictException">The request id was used for another key.</exception>
    public async Task<IssuedApiKey> CreateAsync(Guid requestId, Role role, string scopeId, string label, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (RoleNames.IsScoped(role) && !await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(ScopeExistsSql, new { Role = RoleNames.Name(role), ScopeId = scopeId }, cancellationToken: cancellationToken)))
        {
            throw new NotFoundException($"scope_id: no {RoleNames.Name(role)} '{scopeId}'");
        }

        var (issued, replay) = await InsertAsync(connection, null, requestId, role, scopeId, label, rotationOf: null, cancellationToken);
        if (replay is not null)
        {
            var differing = replay.Role != RoleNames.Name(role) ? "role" : replay.ScopeId != scopeId ? "scope_id" : replay.Label != label ? "label" : replay.RotationOf is not null ? "request_id" : null;
            if (differing is not null)
            {
                throw new ConflictException($"request_id {requestId} already issued another key ({differing} differs)", differing);
            }
        }

        return issued;
    }

    /// <summary>Issues a new key with the old one's role, scope and label, and revokes the old one, in one transaction.</summary>
    /// <exception cref="NotFoundException">No such key.</exception>
    /// <exception cref="InvalidStateException">The key was revoked already.</exception>
    /// <exception cref="ConflictException">The request id was used for another key.</exception>
    public async Task<IssuedApiKey> RotateAsync(Guid requestId, Guid keyId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var old = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(
            new CommandDefinition(ApiKeySql.LockById, new { KeyId = keyId }, transaction, cancellationToken: cancellationToken))
            ?? throw new NotFoundException($"key_id: no key {ApiKeyToken.Format(keyId)}");
        var earlier = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(
            new CommandDefinition(ApiKeySql.ByRequest, new { RequestId = requestId }, transaction, cancellationToken: cancellationToken));
        if (earlier is not null)
        {
            return earlier.RotationOf == keyId
                ? new IssuedApiKey(earlier.ToRecord(), Token: null)
                : throw new ConflictException($"request_id {requestId} already issued another key (key_id differs)", "key_id");
        }

        if (old.RevokedAt is not null)
        {
            throw new InvalidStateException($"key {ApiKeyToken.Format(keyId)} is revoked; issue a new key instead");
        }

        var role = RoleNames.Parse(old.Role);
        var (issued, _) = await InsertAsync(connection, transaction, requestId, role, old.ScopeId, old.Label, keyId, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            ApiKeySql.Revoke, new { KeyId = keyId, Now = Now(), ReplacedBy = issued.Key.KeyId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return issued;
    }

    /// <summary>Revokes a key (again: no change); it is refused from the next call on.</summary>
    /// <exception cref="NotFoundException">No such key.</exception>
    public async Task<ApiKeyRecord> RevokeAsync(Guid keyId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            ApiKeySql.Revoke, new { KeyId = keyId, Now = Now(), ReplacedBy = (Guid?)null }, cancellationToken: cancellationToken))
            ?? throw new NotFoundException($"key_id: no key {ApiKeyToken.Format(keyId)}");
        return row.ToRecord();
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(ApiKeySql.List, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>The caller a token stands for, or null for a malformed, unknown, wrong or revoked one.</summary>
    public async Task<Principal?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.TryParse(token, out var keyId))
        {
            return null;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(byte[] TokenHash, string Role, string ScopeId, DateTime? RevokedAt)?>(
            new CommandDefinition(ApiKeySql.ForAuthentication, new { KeyId = keyId }, cancellationToken: cancellationToken));
        return row is { } key && key.RevokedAt is null && ApiKeyToken.Matches(token, key.TokenHash)
            ? new Principal(keyId, RoleNames.Parse(key.Role), key.ScopeId)
            : null;
    }

    /// <summary>
    /// Makes <paramref name="token"/> an operator key unless its key id exists already (so a revoked
    /// bootstrap key stays revoked): how a new installation gets its first operator.
    /// </summary>
    /// <exception cref="ArgumentException">The token is not of the csk_ form.</exception>
    public async Task EnsureBootstrapOperatorAsync(string token, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.TryParse(token, out var keyId))
        {
            throw new ArgumentException("the bootstrap operator key is not a csk_<32 hex>_<secret> token", nameof(token));
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            ApiKeySql.Bootstrap, new { KeyId = keyId, TokenHash = ApiKeyToken.Hash(token), Now = Now() }, cancellationToken: cancellationToken));
    }

    private async Task<(IssuedApiKey Issued, ApiKeyRow? Replayed)> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid requestId, Role role, string scopeId, string label, Guid? rotationOf,
        CancellationToken cancellationToken)
    {
        var (keyId, token) = ApiKeyToken.Generate();
        var parameters = new
        {
            KeyId = keyId, TokenHash = ApiKeyToken.Hash(token), Role = RoleNames.Name(role), ScopeId = scopeId, Label = label,
            RequestId = requestId, RotationOf = rotationOf, Now = Now(),
        };
        var created = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(
            new CommandDefinition(ApiKeySql.Insert, parameters, transaction, cancellationToken: cancellationToken));
        if (created is not null)
        {
            return (new IssuedApiKey(created.ToRecord(), token), null);
        }

        var earlier = await connection.QuerySingleAsync<ApiKeyRow>(
            new CommandDefinition(ApiKeySql.ByRequest, new { RequestId = requestId }, transaction, cancellationToken: cancellationToken));
        return (new IssuedApiKey(earlier.ToRecord(), Token: null), earlier);
    }

    private DateTime Now() => _timeProvider.GetUtcNow().UtcDateTime;
}
