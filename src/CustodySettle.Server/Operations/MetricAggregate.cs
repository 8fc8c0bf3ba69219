using System.Globalization;

namespace CustodySettle.Server.Operations;

/// <summary>
/// One instrument's series, one per tag set. One lock per instrument: a measurement costs a label key
/// and a short critical section, which this service's call rates afford easily.
/// </summary>
internal sealed class MetricAggregate(string name, string? description, MetricKind kind, bool sums, IReadOnlyList<double>? bounds)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public MetricKind Kind { get; } = kind;

    /// <summary>
    /// Adds <paramref name="value"/> (counters, up-down counters), replaces the value (gauges and
    /// observable instruments, which report totals), or counts it in a bucket (histograms).
    /// </summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\u0001', labels.Select(l => $"{l.Key}\u0000{l.Value}"));
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                series = new MetricSeries(labels, bounds);
                _series.Add(key, series);
            }

            if (bounds is not null)
            {
                series.Observe(value);
            }
            else if (sums)
            {
                series.Add(value);
            }
            else
            {
                series.Set(value);
            }
        }
    }

    /// <summary>Forgets every series, so an observable instrument's tag set that is no longer reported disappears.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _series.Clear();
        }
    }

    public MetricFamily Snapshot()
    {
        lock (_lock)
        {
            return new MetricFamily(Name, description, Kind, [.. _series.Values.Select(s => s.Snapshot())]);
        }
    }

    /// <summary>Tags sorted by name, a repeated name kept once (its first value), values rendered invariantly.</summary>
    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            if (!labels.Exists(l => l.Key == tag.Key))
            {
                labels.Add(new KeyValuePair<string, string>(tag.Key, Render(tag.Value)));
            }
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. labels];
    }

    private static string Render(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
