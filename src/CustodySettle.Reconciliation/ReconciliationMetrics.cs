using System.Diagnostics.Metrics;

namespace CustodySettle.Reconciliation;

/// <summary>
/// Meter <c>CustodySettle.Reconciliation</c>: <c>reconciliation.runs</c> (by outcome), <c>reconciliation.breaks</c>
/// (breaks the last run observed, by type: on-call alerts on any non-zero) and <c>reconciliation.duration</c>.
/// </summary>
public sealed class ReconciliationMetrics
{
    public const string MeterName = "CustodySettle.Reconciliation";

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private Dictionary<BreakType, int> _lastBreaks = [];

    public ReconciliationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _runs = meter.CreateCounter<long>("reconciliation.runs", unit: "{run}", description: "Reconciliation runs, by outcome");
        _duration = meter.CreateHistogram<double>("reconciliation.duration", unit: "s", description: "Time of a reconciliation run");
        meter.CreateObservableGauge("reconciliation.breaks", Observe, unit: "{break}", description: "Breaks the last run observed, by type");
    }

    public void Finished(ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _runs.Add(1, new KeyValuePair<string, object?>("outcome", report.Breaks.Count == 0 ? "clean" : "breaks"));
        _duration.Record((report.FinishedAt - report.StartedAt).TotalSeconds);
        Volatile.Write(ref _lastBreaks, Enum.GetValues<BreakType>().ToDictionary(t => t, t => report.Breaks.Count(b => b.Type == t)));
    }

    public void Failed() => _runs.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));

    private IEnumerable<Measurement<int>> Observe() =>
        Volatile.Read(ref _lastBreaks).Select(kv => new Measurement<int>(kv.Value, new KeyValuePair<string, object?>("type", kv.Key.ToString())));
}
