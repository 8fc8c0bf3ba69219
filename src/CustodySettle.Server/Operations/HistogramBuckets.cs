namespace CustodySettle.Server.Operations;

/// <summary>
/// Fixed bucket bounds by the instrument's unit. Durations get latency buckets from 1 ms to 10 s
/// (Prometheus' default buckets with two finer ones below 5 ms, since most calls here take less);
/// anything else gets OpenTelemetry's default explicit buckets (SDK spec, "Explicit Bucket Histogram
/// Aggregation"), which suit sizes and counts.
/// </summary>
internal static class HistogramBuckets
{
    public static readonly IReadOnlyList<double> Seconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static readonly IReadOnlyList<double> Milliseconds = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    public static readonly IReadOnlyList<double> Default = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    public static IReadOnlyList<double> For(string? unit) => unit switch
    {
        "s" => Seconds,
        "ms" => Milliseconds,
        _ => Default,
    };
}
