using System.Globalization;

namespace ChainBench.Reads;

/// <summary>One timed read of every subaccount by one path: wall time, HTTP round trips counted on the wire, and the CPU split.</summary>
internal sealed record ReadRun(
    string Case, string Path, int Repeat, int Accounts, int Values, TimeSpan Elapsed, long RoundTrips, int? ReaderRoundTrips,
    double CpuBenchPercent, double CpuAnvilPercent, double CpuOthersPercent, string Before)
{
    public double ValuesPerSecond => Values / Elapsed.TotalSeconds;

    /// <summary>One line, key=value, that bench/chain/run.sh parses.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"run case={Case} path={Path} repeat={Repeat} accounts={Accounts} values={Values} seconds={Elapsed.TotalSeconds:F3} " +
        $"round_trips={RoundTrips} reader_round_trips={ReaderRoundTrips?.ToString(CultureInfo.InvariantCulture) ?? "-"} values_per_s={ValuesPerSecond:F0} " +
        $"cpu_bench_pct={CpuBenchPercent:F0} cpu_anvil_pct={CpuAnvilPercent:F0} cpu_other_pct={CpuOthersPercent:F0} before={Before}");
}
