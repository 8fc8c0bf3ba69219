using System.Diagnostics.Metrics;
using CustodySettle.Chain.Following;
using CustodySettle.Chain.Tests.Rpc;

namespace CustodySettle.Chain.Tests.Following;

public sealed class FollowerMetricsTests
{
    [Fact]
    public void Record_LagLogsAndReorg_TaggedWithTheFollower()
    {
        using var meterFactory = new TestMeterFactory();
        using var sut = new FollowerMetrics(meterFactory, "deposits");
        var seen = new List<(string Instrument, long Value, string? Follower)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Add((instrument.Name, value, tags.ToArray().FirstOrDefault(t => t.Key == "follower").Value as string)));
        listener.Start();

        sut.HeadLag(12);
        sut.Logs(30);
        sut.Reorg(3);

        Assert.Equal(
            [("chain.follower.head_lag_blocks", 12L, "deposits"), ("chain.follower.logs", 30L, "deposits"), ("chain.follower.reorgs", 1L, "deposits")],
            seen);
    }
}
