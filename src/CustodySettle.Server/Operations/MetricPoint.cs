namespace CustodySettle.Server.Operations;

/// <summary>
/// The value of one tag set: the sum or latest value for counters and gauges, or the histogram's
/// state. Labels are the measurement's tags, names as recorded and values rendered invariantly.
/// </summary>
internal sealed record MetricPoint(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramPoint? Histogram = null);
