using System.Globalization;

namespace MarginBench;

/// <summary>The run's figures, one <c>key=value</c> line each (the script's summary reads them).</summary>
internal static class Results
{
    public static string Format(RunResult run, double[] passSeconds, int desks, int moves, int stepUsd, TimeSpan poll)
    {
        var passMs = passSeconds.Select(s => s * 1000).ToArray();
        return string.Join(Environment.NewLine,
            Line($"settings desks={desks} moves={moves} step_usd={stepUsd} margin_poll_ms={poll.TotalMilliseconds:F0}"),
            Line($"calls received={run.FromMined.Count} missed={run.Missed} unexpected_events={run.Unexpected}"),
            Line($"latency_from_block_mined_ms p50={P(run.FromMined, 50):F1} p99={P(run.FromMined, 99):F1} max={Max(run.FromMined):F1}"),
            Line($"latency_from_send_ms p50={P(run.FromSent, 50):F1} p99={P(run.FromSent, 99):F1} max={Max(run.FromSent):F1}"),
            Line($"margin_pass_ms passes={passMs.Length} p50={P(passMs, 50):F1} p99={P(passMs, 99):F1} max={Max(passMs):F1}"));
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Nearest-rank percentile.</summary>
    private static double P(IReadOnlyCollection<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Max(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Max();
}
