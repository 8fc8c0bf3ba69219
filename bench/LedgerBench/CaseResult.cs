using System.Diagnostics;
using System.Globalization;

namespace LedgerBench;

/// <summary>A measured case: transfers per second and latency percentiles (nearest rank over every measured call).</summary>
internal sealed record CaseResult(
    string Name, int Writers, int PerCall, int Accounts, long Transfers, long Failures, TimeSpan Elapsed, long[] SortedTicks, double CpuSelfPercent, double CpuOthersPercent)
{
    public double TransfersPerSecond => Transfers / Elapsed.TotalSeconds;

    public double PercentileMs(double p)
    {
        if (SortedTicks.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(SortedTicks.Length * p / 100.0);
        return SortedTicks[Math.Clamp(rank - 1, 0, SortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>One line, key=value, that bench/ledger/run.sh parses.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"result case={Name} writers={Writers} per_call={PerCall} accounts={Accounts} transfers={Transfers} failed={Failures} seconds={Elapsed.TotalSeconds:F2} " +
        $"tps={TransfersPerSecond:F0} p50_ms={PercentileMs(50):F3} p99_ms={PercentileMs(99):F3} p999_ms={PercentileMs(99.9):F3} max_ms={PercentileMs(100):F3} " +
        $"cpu_bench_pct={CpuSelfPercent:F0} cpu_postgres_and_rest_pct={CpuOthersPercent:F0}");
}
