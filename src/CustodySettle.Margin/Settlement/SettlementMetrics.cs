using System.Diagnostics.Metrics;

namespace CustodySettle.Margin.Settlement;

/// <summary>
/// Meter <c>CustodySettle.Settlement</c>: <c>settlement.cycles</c> (closed, by trigger),
/// <c>settlement.finalized</c> (settlements made final, by how), <c>settlement.instructions</c>
/// (instructions issued to custodians) and <c>settlement.unroutable</c> (final settlements that move
/// money but no custodian holds the desk's asset: on-call alerts on any).
/// </summary>
public sealed class SettlementMetrics
{
    public const string MeterName = "CustodySettle.Settlement";

    private readonly Counter<long> _cycles;
    private readonly Counter<long> _finalized;
    private readonly Counter<long> _instructions;
    private readonly Counter<long> _unroutable;

    public SettlementMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _cycles = meter.CreateCounter<long>("settlement.cycles", unit: "{cycle}", description: "Settlement cycles closed, by trigger");
        _finalized = meter.CreateCounter<long>("settlement.finalized", unit: "{settlement}", description: "Settlements made final, by how");
        _instructions = meter.CreateCounter<long>("settlement.instructions", unit: "{instruction}", description: "Settlement instructions issued to custodians");
        _unroutable = meter.CreateCounter<long>("settlement.unroutable", unit: "{settlement}", description: "Settlements closed with no custodian holding the desk's asset");
    }

    public void CycleClosed(bool scheduled, int unroutable)
    {
        _cycles.Add(1, new KeyValuePair<string, object?>("trigger", scheduled ? "schedule" : "request"));
        if (unroutable > 0)
        {
            _unroutable.Add(unroutable);
        }
    }

    public void Finalized(string how) => _finalized.Add(1, new KeyValuePair<string, object?>("how", how));

    public void Instructed() => _instructions.Add(1);
}
