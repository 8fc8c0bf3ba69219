using System.Globalization;

namespace ChainBench.Reads;

/// <summary>
/// A case's medians per path and the ratio against the issue's target (batched at least 20x faster
/// than one eth_call per value); the raw floor's ratio is printed for reference. Runs during which the
/// rest of the machine used more than the quiet threshold are counted as noisy.
/// </summary>
internal static class ReadSummary
{
    public const double Target = 20;

    public static void Print(string caseName, IReadOnlyList<ReadRun> runs, int quietPercent)
    {
        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var path in runs.Select(r => r.Path).Distinct())
        {
            var pathRuns = runs.Where(r => r.Path == path).ToList();
            var median = Median(pathRuns);
            medians[path] = median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"result case={caseName} path={path} runs={pathRuns.Count} median_s={median:F3} min_s={pathRuns.Min(r => r.Elapsed.TotalSeconds):F3} " +
                $"max_s={pathRuns.Max(r => r.Elapsed.TotalSeconds):F3} round_trips={pathRuns.Max(r => r.RoundTrips)} values={pathRuns[0].Values} " +
                $"values_per_s={pathRuns[0].Values / median:F0} noisy_runs={pathRuns.Count(r => r.CpuOthersPercent > quietPercent)}"));
        }

        var ratio = medians["per-call"] / medians["batched"];
        var raw = medians.TryGetValue("per-call-raw", out var rawMedian) ? (rawMedian / medians["batched"]).ToString("F1", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio case={caseName} per_call_over_batched={ratio:F1} raw_per_call_over_batched={raw} target={Target:F0} met={(ratio >= Target ? "yes" : "no")}"));
    }

    private static double Median(IReadOnlyList<ReadRun> runs)
    {
        var seconds = runs.Select(r => r.Elapsed.TotalSeconds).Order().ToArray();
        return seconds.Length % 2 == 1 ? seconds[seconds.Length / 2] : (seconds[(seconds.Length / 2) - 1] + seconds[seconds.Length / 2]) / 2;
    }
}
