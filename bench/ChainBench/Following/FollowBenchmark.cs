using System.Diagnostics;
using CustodySettle.Chain.Following;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChainBench.Following;

/// <summary>
/// Runs a <see cref="LogFollower"/> with a fresh cursor from block 0 until it has caught up with the
/// head (PollOnceAsync in a loop: eth_getLogs, headers, decode, COPY, cursor, commit), timed end to end.
/// </summary>
internal sealed class FollowBenchmark(ChainSetup chain, NpgsqlDataSource dataSource, QuietMachine quiet, int? anvilPid)
{
    public async Task<FollowRun> RunAsync(string caseName, int repeat, ILogConsumer consumer, LogFollowerOptions options, CancellationToken ct)
    {
        using var follower = new LogFollower(chain.Rpc.Eth, dataSource, consumer, options, TimeProvider.System, NullLogger<LogFollower>.Instance);
        var counter = chain.Rpc.Counter;
        var before = await quiet.WaitAsync(ct);
        counter.ResetMethods();
        var requestsBefore = counter.Requests;
        var cpu = CpuSample.Take(anvilPid);
        var started = Stopwatch.GetTimestamp();
        int polls = 0, ranges = 0, shrinks = 0;
        long logs = 0;
        PollResult poll;
        do
        {
            poll = await follower.PollOnceAsync(ct);
            (polls, ranges, shrinks, logs) = (polls + 1, ranges + poll.Ranges, shrinks + poll.RangeShrinks, logs + poll.LogsDelivered);
        }
        while (!poll.CaughtUp);

        var elapsed = Stopwatch.GetElapsedTime(started);
        var (self, anvil, others) = CpuSample.Take(anvilPid).PercentSince(cpu);
        return new FollowRun(caseName, repeat, logs, 0, elapsed, polls, ranges, shrinks, counter.Requests - requestsBefore, counter.ByMethod, self, anvil, others, before);
    }
}
