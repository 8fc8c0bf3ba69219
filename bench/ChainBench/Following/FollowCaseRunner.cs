using System.Globalization;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Following;
using CustodySettle.Chain.Primitives;
using Npgsql;

namespace ChainBench.Following;

/// <summary>One run of a follower case: its options, a cursor and table of its own, the timed run and the table's check.</summary>
internal sealed class FollowCaseRunner(ChainSetup chain, NpgsqlDataSource dataSource, AbiEvent balanceAdjusted, Address emitter, QuietMachine quiet, int? anvilPid)
{
    public async Task<(FollowRun Run, TableCheck Check)> RunAsync(string name, int repeat, long startBlock, CancellationToken ct)
    {
        var options = new LogFollowerOptions
        {
            ChainId = chain.Deployment.ChainId,
            Addresses = [emitter],
            Topics = [[balanceAdjusted.Topic0]],
            StartBlock = startBlock,
        };
        options = name switch
        {
            "defaults" or "warmup" => options,
            "initial-range-1" => options with { InitialBlockRange = 1 },
            _ => throw new ArgumentException($"unknown follow case '{name}' (defaults, initial-range-1)"),
        };
        if (repeat == 1)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"options case={name} start_block={options.StartBlock} finality_depth={options.FinalityDepth} initial_block_range={options.InitialBlockRange} " +
                $"max_block_range={options.MaxBlockRange} target_logs_per_range={options.TargetLogsPerRange} max_ranges_per_poll={options.MaxRangesPerPoll}"));
        }

        var table = string.Create(CultureInfo.InvariantCulture, $"bench_logs_{name.Replace('-', '_')}_{repeat}");
        await BenchDatabase.CreateConsumerTableAsync(dataSource, table, ct);
        var consumer = new PersistingConsumer(string.Create(CultureInfo.InvariantCulture, $"chain-bench-{name}-{repeat}"), table, balanceAdjusted);
        var run = await new FollowBenchmark(chain, dataSource, quiet, anvilPid).RunAsync(name, repeat, consumer, options, ct);
        return (run, await BenchDatabase.CheckAsync(dataSource, table, ct));
    }
}
