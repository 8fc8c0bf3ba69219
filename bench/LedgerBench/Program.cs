using System.Globalization;
using CustodySettle.Database;
using LedgerBench;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Ledger throughput and latency for bench/ledger/run.sh (docs/benchmarks.md, "Ledger vs pgbench TPC-B").
var options = BenchOptions.Parse(args);
var ct = CancellationToken.None;
const int LedgerId = 1;

var database = options.Database ?? string.Create(CultureInfo.InvariantCulture, $"ledger_bench_{DateTime.UtcNow:yyyyMMddHHmmss}");
var created = options.Database is null;
if (created)
{
    await BenchDatabase.CreateAsync(options.Connection, database, ct);
}

try
{
    var connection = new NpgsqlConnectionStringBuilder(options.Connection) { Database = database, MaxPoolSize = 200 }.ConnectionString;
    await using var dataSource = NpgsqlDataSource.Create(connection);
    await new MigrationRunner(MigrationSource.Embedded(), NullLogger<MigrationRunner>.Instance).ApplyAsync(dataSource, ct);

    // The target is measured with durability on; refuse to report numbers without it.
    var settings = await BenchDatabase.DurabilitySettingsAsync(dataSource, ct);
    Console.WriteLine($"settings {settings.Text}");
    if (!settings.Durable)
    {
        await Console.Error.WriteLineAsync("fsync and synchronous_commit must be on");
        return 1;
    }

    var (store, writer) = BenchLedger.Create(dataSource, options.MaxBatch);
    try
    {
        await store.EnsureLedgerAsync(LedgerId, "BENCH", 6, ct);
        var accounts = await BenchDatabase.OpenAccountsAsync(store, LedgerId, options.Accounts, ct);
        Console.WriteLine($"database {database} ledger {LedgerId} accounts {accounts.Count} writers {options.Writers} per_call {string.Join(',', options.PerCall)} warmup {options.Warmup.TotalSeconds}s measured {options.Measured.TotalSeconds}s per case");

        foreach (var perCall in options.PerCall)
        {
            foreach (var name in options.Cases)
            {
                var journalBefore = await BenchDatabase.JournalLengthAsync(dataSource, LedgerId, ct);
                var result = await new LoadCase(name, writer, LedgerId, accounts, hot: name == "hot")
                    .RunAsync(options.Writers, perCall, options.Warmup, options.Measured, ct);
                Console.WriteLine(result);

                // What the writer acknowledged must be in the journal: a cheap check that the numbers are real work.
                var (batches, journaled) = await BenchDatabase.BatchesSinceAsync(dataSource, LedgerId, journalBefore, ct);
                var balanced = await BenchDatabase.BalancedAsync(dataSource, LedgerId, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"check case={name} per_call={perCall} journal_entries_added={journaled} batches={batches} mean_batch={(double)journaled / Math.Max(1, batches):F1} debits_equal_credits={balanced}"));
                if (!balanced || journaled < result.Transfers - result.Failures)
                {
                    await Console.Error.WriteLineAsync("the journal does not hold what the writer acknowledged");
                    return 1;
                }
            }
        }
    }
    finally
    {
        if (writer is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    return 0;
}
finally
{
    if (created)
    {
        NpgsqlConnection.ClearAllPools();
        await BenchDatabase.DropAsync(options.Connection, database, ct);
    }
}
