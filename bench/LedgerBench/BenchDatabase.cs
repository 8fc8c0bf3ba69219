using System.Collections.Concurrent;
using System.Globalization;
using CustodySettle.Domain.Ledger;
using Dapper;
using Npgsql;

namespace LedgerBench;

/// <summary>The benchmark's database chores: create and drop it, read the durability settings, open accounts, check results.</summary>
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

    /// <summary>
    /// fsync and synchronous_commit as a session of the writer's data source sees them, plus any
    /// per-role or per-database override, so a report shows that no layer turned durability off.
    /// </summary>
    public static async Task<(bool Durable, string Text)> DurabilitySettingsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var fsync = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SHOW fsync", cancellationToken: ct));
        var syncCommit = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SHOW synchronous_commit", cancellationToken: ct));
        var walSync = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SHOW wal_sync_method", cancellationToken: ct));
        var fullPages = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SHOW full_page_writes", cancellationToken: ct));
        var overrides = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT array_to_string(setconfig, ' ') FROM pg_db_role_setting WHERE setconfig::text ~ '(fsync|synchronous_commit)'", cancellationToken: ct))).ToList();
        var text = $"fsync={fsync} synchronous_commit={syncCommit} wal_sync_method={walSync} full_page_writes={fullPages} role_or_db_overrides=[{string.Join("; ", overrides)}]";
        return (fsync == "on" && syncCommit == "on" && overrides.Count == 0, text);
    }

    /// <summary>Opens <paramref name="count"/> accounts from 16 tasks (each open is its own commit).</summary>
    public static async Task<IReadOnlyList<long>> OpenAccountsAsync(IAccountStore store, int ledgerId, int count, CancellationToken ct)
    {
        var ids = new ConcurrentDictionary<int, long>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
        {
            var key = new AccountKey(ledgerId, OwnerKind.Desk, string.Create(CultureInfo.InvariantCulture, $"bench-{i:D5}"), "bench-custodian", "available");
            ids[i] = (await store.OpenAsync(key, AccountLimits.None, token)).Id;
        });
        return [.. Enumerable.Range(0, count).Select(i => ids[i])];
    }

    public static async Task<long> JournalLengthAsync(NpgsqlDataSource dataSource, int ledgerId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM ledger_journal WHERE ledger_id = @ledgerId", new { ledgerId }, cancellationToken: ct));
    }

    /// <summary>
    /// Commits (batches) and journal entries since a sequence: every entry of a batch carries the
    /// batch's one recorded_at, so distinct times count the writer's transactions that applied something.
    /// </summary>
    public static async Task<(long Batches, long Entries)> BatchesSinceAsync(NpgsqlDataSource dataSource, int ledgerId, long afterSeq, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            "SELECT count(DISTINCT recorded_at), count(*) FROM ledger_journal WHERE ledger_id = @ledgerId AND seq > @afterSeq",
            new { ledgerId, afterSeq }, cancellationToken: ct));
    }

    public static async Task<bool> BalancedAsync(NpgsqlDataSource dataSource, int ledgerId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT sum(debits_posted) = sum(credits_posted) AND sum(debits_pending) = sum(credits_pending) FROM ledger_accounts WHERE ledger_id = @ledgerId",
            new { ledgerId }, cancellationToken: ct));
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(string connection, CancellationToken ct)
    {
        var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync(ct);
        return admin;
    }
}
