using System.Globalization;

namespace ChainBench.Following;

/// <summary>One run of a follower case from block 0 to the head: logs decoded and persisted per second, end to end, and what it cost on the wire.</summary>
internal sealed record FollowRun(
    string Case, int Repeat, long Logs, long Rows, TimeSpan Elapsed, int Polls, int Ranges, int RangeShrinks, long RoundTrips,
    IReadOnlyDictionary<string, int> ByMethod, double CpuBenchPercent, double CpuAnvilPercent, double CpuOthersPercent, string Before)
{
    public int GetLogs => ByMethod.GetValueOrDefault("eth_getLogs");

    public double LogsPerSecond => Logs / Elapsed.TotalSeconds;

    /// <summary>One line, key=value, that bench/chain/run.sh parses.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"follow case={Case} repeat={Repeat} logs={Logs} rows={Rows} seconds={Elapsed.TotalSeconds:F3} logs_per_s={LogsPerSecond:F0} " +
        $"get_logs={GetLogs} round_trips={RoundTrips} polls={Polls} ranges={Ranges} range_shrinks={RangeShrinks} " +
        $"methods={string.Join(',', ByMethod.Select(m => $"{m.Key}:{m.Value}"))} " +
        $"cpu_bench_pct={CpuBenchPercent:F0} cpu_anvil_pct={CpuAnvilPercent:F0} cpu_postgres_and_other_pct={CpuOthersPercent:F0} before={Before}");
}
