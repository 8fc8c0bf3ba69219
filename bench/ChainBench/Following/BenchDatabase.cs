using CustodySettle.Database;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChainBench.Following;

/// <summary>The follower part's database: created fresh with the migrations applied (as bench/LedgerBench does), dropped after.</summary>
internal static class BenchDatabase
{
    public static async Task CreateAsync(string connection, string database, CancellationToken ct)
    {
        await using var admin = await OpenMaintenanceAsync(connection, ct);
        await admin.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{database}\"", cancellationToken: ct));
    }

    public static async Task DropAsync(string connection, string database, CancellationToken ct)
    {
        await using var admin = await OpenMaintenanceAsync(connection, ct);
        await admin.ExecuteAsync(new CommandDefinition($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", cancellationToken: ct));
    }

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        new MigrationRunner(MigrationSource.Embedded(), NullLogger<MigrationRunner>.Instance).ApplyAsync(dataSource, ct);

    public static async Task CreateConsumerTableAsync(NpgsqlDataSource dataSource, string table, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ConsumerSql.CreateTable(table), cancellationToken: ct));
    }

    public static async Task<TableCheck> CheckAsync(NpgsqlDataSource dataSource, string table, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (rows, distinct, min, max, inconsistent) = await connection.QuerySingleAsync<(long, long, long, long, long)>(
            new CommandDefinition(ConsumerSql.Check(table), cancellationToken: ct));
        return new TableCheck(rows, distinct, min, max, inconsistent);
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(string connection, CancellationToken ct)
    {
        var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync(ct);
        return admin;
    }
}
