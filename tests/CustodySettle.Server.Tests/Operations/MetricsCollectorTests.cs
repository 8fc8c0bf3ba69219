using System.Diagnostics.Metrics;
using CustodySettle.Server.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace CustodySettle.Server.Tests.Operations;

public sealed class MetricsCollectorTests : IDisposable
{
    // A container of the test's own: meters it makes are seen only by collectors scoped to it.
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Factory => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    private MetricsCollector CreateSut() => new(Factory);

    [Fact]
    public void Collect_CounterOnCustodySettleMeter_SumsPerTagSet()
    {
        using var sut = CreateSut();
        var counter = Factory.Create("CustodySettle.Test.Counters").CreateCounter<long>("test.requests", description: "requests");

        counter.Add(2, new KeyValuePair<string, object?>("route", "/a"));
        counter.Add(3, new KeyValuePair<string, object?>("route", "/a"));
        counter.Add(1, new KeyValuePair<string, object?>("route", "/b"), new KeyValuePair<string, object?>("retried", true));

        var text = PrometheusTextWriter.Write(sut.Collect());
        Assert.Contains("# TYPE test_requests_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("test_requests_total{route=\"/a\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("test_requests_total{retried=\"true\",route=\"/b\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_MeterNotNamedCustodySettle_Ignored()
    {
        using var sut = CreateSut();
        Factory.Create("Other.Test").CreateCounter<long>("other.requests").Add(1);
        Factory.Create("CustodySettle.Test.Seen").CreateCounter<long>("seen.requests").Add(1);

        var names = sut.Collect().Select(f => f.Name).ToList();

        Assert.Contains("seen.requests", names);
        Assert.DoesNotContain("other.requests", names);
    }

    [Fact]
    public void Collect_MeterOfAnotherContainer_Ignored()
    {
        using var sut = CreateSut();
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        other.GetRequiredService<IMeterFactory>().Create("CustodySettle.Test.Elsewhere").CreateCounter<long>("elsewhere.requests").Add(1);

        Assert.DoesNotContain("elsewhere.requests", sut.Collect().Select(f => f.Name));
    }

    [Fact]
    public void Collect_MeterWithoutFactory_Seen()
    {
        using var sut = CreateSut();
        using var meter = new Meter($"CustodySettle.Test.{Guid.NewGuid():N}");
        var name = $"unscoped.requests.{Guid.NewGuid():N}";
        meter.CreateCounter<int>(name).Add(4);

        var family = Assert.Single(sut.Collect(), f => f.Name == name);

        Assert.Equal(4, Assert.Single(family.Points).Value);
    }

    [Fact]
    public void Collect_HistogramInSeconds_LatencyBucketsSumAndCount()
    {
        using var sut = CreateSut();
        var histogram = Factory.Create("CustodySettle.Test.Histograms").CreateHistogram<double>("test.duration", unit: "s");

        histogram.Record(0.002);
        histogram.Record(0.2);
        histogram.Record(20);

        var point = Assert.Single(Assert.Single(sut.Collect(), f => f.Name == "test.duration").Points);
        var histogramPoint = point.Histogram!;
        Assert.Equal(HistogramBuckets.Seconds, histogramPoint.Bounds);
        Assert.Equal([0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], histogramPoint.CumulativeCounts);
        Assert.Equal(3, histogramPoint.Count);
        Assert.Equal(20.202, histogramPoint.Sum, 9);
    }

    [Fact]
    public void Collect_UpDownCounter_NetOfAddsAndSubtractsAsGauge()
    {
        using var sut = CreateSut();
        var active = Factory.Create("CustodySettle.Test.Active").CreateUpDownCounter<long>("test.active");

        active.Add(3);
        active.Add(-1);

        var family = Assert.Single(sut.Collect(), f => f.Name == "test.active");
        Assert.Equal(MetricKind.Gauge, family.Kind);
        Assert.Equal(2, Assert.Single(family.Points).Value);
    }

    [Fact]
    public void Collect_ObservableGauge_ReadAtEachCollect()
    {
        using var sut = CreateSut();
        var depth = 7;
        Factory.Create("CustodySettle.Test.Observable").CreateObservableGauge("test.depth", () => depth);

        var first = Assert.Single(Assert.Single(sut.Collect(), f => f.Name == "test.depth").Points).Value;
        depth = 3;
        var second = Assert.Single(Assert.Single(sut.Collect(), f => f.Name == "test.depth").Points).Value;

        Assert.Equal((7d, 3d), (first, second));
    }

    [Fact]
    public async Task Collect_ConcurrentRecording_CountsEveryMeasurement()
    {
        using var sut = CreateSut();
        var counter = Factory.Create("CustodySettle.Test.Concurrent").CreateCounter<long>("test.concurrent");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Add(1, new KeyValuePair<string, object?>("worker", worker % 2));
            }
        })));

        var points = Assert.Single(sut.Collect(), f => f.Name == "test.concurrent").Points;
        Assert.Equal([20_000d, 20_000d], points.Select(p => p.Value));
    }
}
