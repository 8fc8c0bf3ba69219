using System.Diagnostics.Metrics;

namespace CustodySettle.Margin.Calls;

/// <summary>
/// Meter <c>CustodySettle.Margin</c>: <c>margin.pass.duration</c> (one pass over every desk, seconds: on-call
/// watches it against the block time), <c>margin.pass.desks</c> (desks the last pass read) and
/// <c>margin.pass.failures</c>.
/// </summary>
public sealed class MarginMetrics
{
    public const string MeterName = "CustodySettle.Margin";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failures;
    private int _desks;

    public MarginMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>("margin.pass.duration", unit: "s", description: "Time of one margin pass over every desk");
        _failures = meter.CreateCounter<long>("margin.pass.failures", unit: "{pass}", description: "Margin passes that failed");
        meter.CreateObservableGauge("margin.pass.desks", () => Volatile.Read(ref _desks), unit: "{desk}", description: "Desks the last margin pass read");
    }

    public void Passed(TimeSpan duration, int desks)
    {
        _duration.Record(duration.TotalSeconds);
        Volatile.Write(ref _desks, desks);
    }

    public void Failed() => _failures.Add(1);
}
