using System.Diagnostics.Metrics;

namespace CustodySettle.Custody.Mirroring;

/// <summary>
/// Meter <c>CustodySettle.Custody</c>: what on-call needs to see of the mirror. <c>custody.mirror.operations</c>
/// counts mints and burns by kind and the state they reached (planned, sent, confirmed, superseded, failed);
/// <c>custody.mirror.out_of_sync</c> is how many tokens the last pass left unequal to the ledger (in
/// flight or failing), and <c>custody.mirror.pass_failures</c> counts passes that could not finish.
/// </summary>
public sealed class MirrorMetrics
{
    public const string MeterName = "CustodySettle.Custody";

    private readonly Counter<long> _operations;
    private readonly Counter<long> _passFailures;
    private long _outOfSync;

    public MirrorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _operations = meter.CreateCounter<long>("custody.mirror.operations", unit: "{operation}", description: "Mints and burns, by kind and the state reached");
        _passFailures = meter.CreateCounter<long>("custody.mirror.pass_failures", unit: "{pass}", description: "Mirror passes that failed before the end");
        meter.CreateObservableGauge("custody.mirror.out_of_sync", () => Interlocked.Read(ref _outOfSync), unit: "{token}",
            description: "Custody tokens whose supply the last pass left unequal to the ledger");
    }

    public void Operation(MirrorKind kind, MirrorStatus status) => _operations.Add(
        1, new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant()), new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    public void PassFailed() => _passFailures.Add(1);

    public void PassFinished(int targets, int inSync) => Interlocked.Exchange(ref _outOfSync, targets - inSync);
}
