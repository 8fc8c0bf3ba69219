namespace CustodySettle.Server.Operations;

/// <summary>
/// One tag set's running state. Not thread-safe by itself: <see cref="MetricAggregate"/> holds its lock
/// around every call.
/// </summary>
internal sealed class MetricSeries(IReadOnlyList<KeyValuePair<string, string>> labels, IReadOnlyList<double>? bounds)
{
    // Per bound, not cumulative: a value lands in the first bucket whose bound is at least the value;
    // values above every bound are only in _count (the +Inf bucket).
    private readonly long[] _bucketCounts = new long[bounds?.Count ?? 0];
    private double _value;
    private long _count;

    public void Add(double value) => _value += value;

    public void Set(double value) => _value = value;

    public void Observe(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        for (var i = 0; i < _bucketCounts.Length; i++)
        {
            if (value <= bounds![i])
            {
                _bucketCounts[i]++;
                break;
            }
        }

        _value += value;
        _count++;
    }

    public MetricPoint Snapshot()
    {
        if (bounds is null)
        {
            return new MetricPoint(labels, _value);
        }

        var cumulative = new long[_bucketCounts.Length];
        long running = 0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            running += _bucketCounts[i];
            cumulative[i] = running;
        }

        return new MetricPoint(labels, _value, new HistogramPoint(bounds, cumulative, _value, _count));
    }
}
