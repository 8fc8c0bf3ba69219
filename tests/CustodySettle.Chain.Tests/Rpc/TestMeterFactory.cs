using System.Diagnostics.Metrics;

namespace CustodySettle.Chain.Tests.Rpc;

/// <summary>Meters scoped to one test (Meter.Scope is this factory), so a listener sees no other test's measurements.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
