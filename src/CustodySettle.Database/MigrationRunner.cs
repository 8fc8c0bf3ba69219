using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustodySettle.Database;

/// <summary>
/// Brings a database to this build's schema. Safe with several service instances starting at once:
/// a session advisory lock serializes runners, each migration applies in its own transaction together
/// with its row in <c>schema_migrations</c>, so a crash leaves either all of a migration or none.
/// </summary>
public sealed partial class MigrationRunner
{
    // Arbitrary but fixed: the advisory lock key that every CustodySettle instance agrees on.
    private const long AdvisoryLockKey = 0x4353_4D49_4752; // "CSMIGR"

    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private readonly IReadOnlyList<Migration> _migrations;
    private readonly ILogger _logger;

    public MigrationRunner(IReadOnlyList<Migration> migrations, ILogger<MigrationRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(logger);
        _migrations = migrations;
        _logger = logger;
    }

    /// <summary>Applies every migration the database lacks; returns the versions it applied.</summary>
    /// <exception cref="MigrationException">An applied migration changed, or the database is newer than this build.</exception>
    public async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: ct));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateHistorySql, cancellationToken: ct));
            var applied = (await connection.QueryAsync<(int Version, string Checksum)>(
                new CommandDefinition("SELECT version, checksum FROM schema_migrations ORDER BY version", cancellationToken: ct)))
                .ToDictionary(row => row.Version, row => row.Checksum);

            CheckHistory(applied);
            var newlyApplied = new List<int>();
            foreach (var migration in _migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                await ApplyOneAsync(connection, migration, ct);
                newlyApplied.Add(migration.Version);
            }

            LogUpToDate(_logger, _migrations.Count == 0 ? 0 : _migrations[^1].Version, newlyApplied.Count);
            return newlyApplied;
        }
        finally
        {
            // A cancelled token must not leave the lock held on a pooled connection.
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
    }

    private void CheckHistory(Dictionary<int, string> applied)
    {
        var known = _migrations.ToDictionary(m => m.Version);
        foreach (var (version, checksum) in applied.OrderBy(kv => kv.Key))
        {
            if (!known.TryGetValue(version, out var migration))
            {
                throw new MigrationException(
                    $"the database has migration {version:D4}, which this build does not know: it is newer than this build");
            }

            if (!string.Equals(migration.Checksum, checksum, StringComparison.Ordinal))
            {
                throw new MigrationException(
                    $"migration {version:D4}_{migration.Name} was changed after it was applied (checksum {checksum} in the database, {migration.Checksum} in this build); add a new migration instead");
            }
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: ct));
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"migration {migration.Version:D4}_{migration.Name} failed: {e.SqlState} {e.MessageText}", e);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
            migration,
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        LogApplied(_logger, migration.Version, migration.Name);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied migration {Version:D4}_{Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Database schema at version {Version:D4} ({AppliedCount} applied now)")]
    private static partial void LogUpToDate(ILogger logger, int version, int appliedCount);
}
