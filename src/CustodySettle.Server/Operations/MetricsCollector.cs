using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CustodySettle.Server.Operations;

/// <summary>
/// Listens to every instrument of the service's meters (names starting with <c>CustodySettle</c>) and
/// keeps what Prometheus scrapes: counter sums, up-down counter and gauge values, histogram buckets,
/// per tag set, from the collector's creation on. Meters made by another container's
/// <see cref="IMeterFactory"/> are ignored, so several hosts in one process (the tests) each see their
/// own; meters made without a factory are seen by every collector. Thread-safe.
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    public const string MeterPrefix = "CustodySettle";

    private readonly IMeterFactory? _scope;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricAggregate> _aggregates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Instrument, MetricAggregate> _observables = new();
    private readonly Lock _collecting = new();

    public MetricsCollector(IMeterFactory? scope)
    {
        _scope = scope;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.MeasurementsCompleted = (instrument, state) => _observables.TryRemove(instrument, out _);
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => Aggregate(state).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments, then returns every instrument's state.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        // One scrape at a time: observable series are cleared and re-read, and a concurrent scrape
        // must not see them half re-read.
        lock (_collecting)
        {
            foreach (var observable in _observables.Values.Distinct())
            {
                observable.Clear();
            }

            _listener.RecordObservableInstruments();
            return [.. _aggregates.Values.Select(a => a.Snapshot())];
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        if (!meter.Name.StartsWith(MeterPrefix, StringComparison.Ordinal)
            || (meter.Scope is not null && !ReferenceEquals(meter.Scope, _scope))
            || KindOf(instrument) is not { } kind)
        {
            return;
        }

        var sums = !instrument.IsObservable && kind is not MetricKind.Histogram && !IsGenericOf(instrument, typeof(Gauge<>));
        var aggregate = _aggregates.GetOrAdd(instrument.Name, name => new MetricAggregate(
            name, instrument.Description, kind, sums, kind is MetricKind.Histogram ? HistogramBuckets.For(instrument.Unit) : null));
        if (aggregate.Kind != kind)
        {
            // Same name, another type: one Prometheus family cannot be both, the first one published stays.
            return;
        }

        if (instrument.IsObservable)
        {
            _observables[instrument] = aggregate;
        }

        listener.EnableMeasurementEvents(instrument, aggregate);
    }

    private static MetricKind? KindOf(Instrument instrument)
    {
        if (IsGenericOf(instrument, typeof(Counter<>)) || IsGenericOf(instrument, typeof(ObservableCounter<>)))
        {
            return MetricKind.Counter;
        }

        if (IsGenericOf(instrument, typeof(Histogram<>)))
        {
            return MetricKind.Histogram;
        }

        return IsGenericOf(instrument, typeof(UpDownCounter<>)) || IsGenericOf(instrument, typeof(ObservableUpDownCounter<>))
            || IsGenericOf(instrument, typeof(ObservableGauge<>)) || IsGenericOf(instrument, typeof(Gauge<>))
            ? MetricKind.Gauge
            : null;
    }

    private static bool IsGenericOf(Instrument instrument, Type definition) =>
        instrument.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == definition;

    private static MetricAggregate Aggregate(object? state) => (MetricAggregate)state!;
}
