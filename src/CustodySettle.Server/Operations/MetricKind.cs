namespace CustodySettle.Server.Operations;

/// <summary>The Prometheus metric type an instrument is exposed as (exposition format 0.0.4, "# TYPE").</summary>
internal enum MetricKind
{
    /// <summary>A monotonic total: Counter and ObservableCounter.</summary>
    Counter,

    /// <summary>A value that goes up and down: UpDownCounter, Gauge and their observable forms.</summary>
    Gauge,

    /// <summary>Cumulative buckets, sum and count: Histogram.</summary>
    Histogram,
}
