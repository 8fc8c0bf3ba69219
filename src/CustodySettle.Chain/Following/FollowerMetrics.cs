using System.Diagnostics.Metrics;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Following;

/// <summary>The follower's instruments (meter <c>CustodySettle.Chain</c>), tagged with the follower's name.</summary>
internal sealed class FollowerMetrics : IDisposable
{
    private readonly Meter? _ownedMeter;
    private readonly Gauge<long> _headLag;
    private readonly Counter<long> _logs;
    private readonly Counter<long> _reorgs;
    private readonly KeyValuePair<string, object?> _follower;

    public FollowerMetrics(IMeterFactory? factory, string follower)
    {
        var meter = factory?.Create(RpcMetrics.MeterName) ?? (_ownedMeter = new Meter(RpcMetrics.MeterName));
        _follower = new KeyValuePair<string, object?>("follower", follower);
        _headLag = meter.CreateGauge<long>("chain.follower.head_lag_blocks", unit: "{block}", description: "Blocks between the chain head and the follower's cursor");
        _logs = meter.CreateCounter<long>("chain.follower.logs", unit: "{log}", description: "Logs delivered to the consumer and committed");
        _reorgs = meter.CreateCounter<long>("chain.follower.reorgs", unit: "{reorg}", description: "Reorgs rolled back, tagged with their depth");
    }

    public void HeadLag(long blocks) => _headLag.Record(Math.Max(0, blocks), _follower);

    public void Logs(int count) => _logs.Add(count, _follower);

    public void Reorg(int depth) => _reorgs.Add(1, _follower, new KeyValuePair<string, object?>("depth", depth));

    public void Dispose() => _ownedMeter?.Dispose();
}
