using System.Diagnostics.Metrics;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed class RpcMetricsTests
{
    [Fact]
    public void RecordCall_MethodAndOutcome_CountedWithBothTags()
    {
        using var meterFactory = new TestMeterFactory();
        using var sut = new RpcMetrics(meterFactory);
        var seen = new List<(string Instrument, long Value, string? Method, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var all = tags.ToArray();
            seen.Add((instrument.Name, value, Tag(all, "method"), Tag(all, "outcome")));
        });
        listener.Start();

        sut.RecordCall("eth_call", RpcMetrics.Outcome(JsonRpcException.FromError("eth_call", "http://node", 3, "execution reverted", "\"0x\"")));
        sut.RecordCall("eth_chainId", RpcMetrics.Outcome(null));

        Assert.Equal([("chain.rpc.calls", 1L, "eth_call", "reverted"), ("chain.rpc.calls", 1L, "eth_chainId", "ok")], seen);
    }

    private static string? Tag(KeyValuePair<string, object?>[] tags, string name) => tags.FirstOrDefault(t => t.Key == name).Value as string;
}
