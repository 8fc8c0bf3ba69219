using System.Globalization;

namespace ChainBench.Following;

/// <summary>A follower case over its runs: the median time, and logs per second at that median.</summary>
internal static class FollowSummary
{
    public static void Print(string caseName, IReadOnlyList<FollowRun> runs)
    {
        var seconds = runs.Select(r => r.Elapsed.TotalSeconds).Order().ToArray();
        var median = seconds.Length % 2 == 1 ? seconds[seconds.Length / 2] : (seconds[(seconds.Length / 2) - 1] + seconds[seconds.Length / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result case={caseName} runs={runs.Count} median_s={median:F3} min_s={seconds[0]:F3} max_s={seconds[^1]:F3} logs={runs[0].Logs} " +
            $"logs_per_s={runs[0].Logs / median:F0} get_logs={runs.Max(r => r.GetLogs)} round_trips={runs.Max(r => r.RoundTrips)} ranges={runs.Max(r => r.Ranges)}"));
    }
}
