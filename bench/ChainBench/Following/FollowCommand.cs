using System.Globalization;
using CustodySettle.Chain.Primitives;
using Npgsql;

namespace ChainBench.Following;

/// <summary>
/// <c>follow</c>: in a fresh database with the migrations applied, follows the emitter's
/// BalanceAdjusted logs from block 0 to the head once per case (--cases): <c>defaults</c> is
/// LogFollowerOptions as shipped; <c>initial-range-1</c> starts from one-block ranges, so the range
/// sizer settles on ~TargetLogsPerRange (1,000) logs per range as on a long chain. Each case has its own
/// cursor and table per run (--repeats, 3, alternating the order of the cases), and fails unless each table
/// holds exactly --events rows, decoded correctly. An untimed follower over the head block alone warms the
/// code paths up first.
/// </summary>
internal static class FollowCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        using var chain = await ChainSetup.OpenAsync(options, countMethods: true, ct);
        var connection = options.Optional("--connection") ?? Environment.GetEnvironmentVariable("CS_PG_CONNECTION")
            ?? throw new ArgumentException("no --connection and no CS_PG_CONNECTION (source .stack/stack.env)");
        var events = options.Int("--events", 100_000);
        var database = options.Optional("--database") ?? string.Create(CultureInfo.InvariantCulture, $"chain_bench_{DateTime.UtcNow:yyyyMMddHHmmss}");
        var created = options.Optional("--database") is null;
        if (created)
        {
            await BenchDatabase.CreateAsync(connection, database, ct);
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { Database = database }.ConnectionString);
            await BenchDatabase.MigrateAsync(dataSource, ct);
            var balanceAdjusted = chain.Contracts.SubAccounts.Abi.GetEvent("BalanceAdjusted");
            var follow = new FollowCaseRunner(chain, dataSource, balanceAdjusted, Address.Parse(options.Required("--emitter")), QuietMachine.From(options), options.AnvilPid);
            await follow.RunAsync("warmup", 1, await chain.Rpc.Eth.BlockNumberAsync(ct), ct);
            var cases = options.List("--cases", "defaults,initial-range-1");
            var runs = cases.ToDictionary(c => c, _ => new List<FollowRun>(), StringComparer.Ordinal);
            var failed = false;
            for (var repeat = 1; repeat <= options.Int("--repeats", 3); repeat++)
            {
                foreach (var name in repeat % 2 == 1 ? cases : cases.Reverse())
                {
                    var (run, check) = await follow.RunAsync(name, repeat, 0, ct);
                    var ok = check.Matches(events) && run.Logs == events;
                    Console.WriteLine(run with { Rows = check.Rows });
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"check case={name} repeat={repeat} rows={check.Rows} expected={events} distinct_trade_ids={check.DistinctTrades} " +
                        $"trade_ids={check.MinTrade}..{check.MaxTrade} inconsistent_rows={check.Inconsistent} ok={(ok ? "yes" : "no")} database={database}"));
                    runs[name].Add(run);
                    failed |= !ok;
                }
            }

            foreach (var name in cases)
            {
                FollowSummary.Print(name, runs[name]);
            }

            return failed ? 1 : 0;
        }
        finally
        {
            if (created)
            {
                NpgsqlConnection.ClearAllPools();
                await BenchDatabase.DropAsync(connection, database, ct);
            }
        }
    }
}
