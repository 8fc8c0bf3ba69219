using System.Diagnostics.Metrics;

namespace CustodySettle.Ledger.Writing;

/// <summary>The writer's instruments (meter <c>CustodySettle.Ledger</c>).</summary>
internal sealed class LedgerWriterMetrics : IDisposable
{
    public const string MeterName = "CustodySettle.Ledger";

    private readonly Meter _meter;
    private readonly Counter<long> _transfers;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;

    public LedgerWriterMetrics(IMeterFactory? factory)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _transfers = _meter.CreateCounter<long>("custodysettle.ledger.transfers", description: "Transfers answered, by result (ok or the failure code)");
        _batchSize = _meter.CreateHistogram<int>("custodysettle.ledger.batch.size", unit: "{transfer}", description: "Transfers per committed batch");
        _commitDuration = _meter.CreateHistogram<double>("custodysettle.ledger.batch.duration", unit: "s", description: "Time to lock, apply and commit one batch");
    }

    public void Record(List<TransferSlot[]> submissions, TimeSpan elapsed)
    {
        var size = 0;
        foreach (var slot in submissions.SelectMany(s => s))
        {
            size++;
            _transfers.Add(1, new KeyValuePair<string, object?>("result", ResultNames.Name(slot.Result)), new KeyValuePair<string, object?>("replayed", slot.Replayed));
        }

        _batchSize.Record(size);
        _commitDuration.Record(elapsed.TotalSeconds);
    }

    public void Dispose() => _meter.Dispose();
}
