using CustodySettle.Server.Operations;

namespace CustodySettle.Server.Tests.Operations;

public sealed class PrometheusTextWriterTests
{
    private static readonly MetricFamily Denials = new("access.denials", "Calls refused\nby \\ policy", MetricKind.Counter,
    [
        new MetricPoint([new("method", "/a\"b\\c\nd"), new("reason", "scope")], 2),
        new MetricPoint([new("method", "/a"), new("reason", "role")], 1),
    ]);

    private static readonly MetricFamily Duration = new("rpc.server.duration", "gRPC call duration", MetricKind.Histogram,
    [
        new MetricPoint([new("rpc.method", "/x")], 0, new HistogramPoint([0.005, 0.5, 1], [1, 2, 2], 20.25, 3)),
    ]);

    private static readonly MetricFamily Ready = new("custodysettle.ready", null, MetricKind.Gauge,
    [
        new MetricPoint([new("check", "postgresql")], 0),
        new MetricPoint([new("check", "chain")], 1),
    ]);

    [Fact]
    public void Write_CounterWithLabelsNeedingEscaping_TotalSuffixEscapedHelpAndValues()
    {
        var text = PrometheusTextWriter.Write([Denials]);

        Assert.Equal(
            "# HELP access_denials_total Calls refused\\nby \\\\ policy\n"
            + "# TYPE access_denials_total counter\n"
            + "access_denials_total{method=\"/a\",reason=\"role\"} 1\n"
            + "access_denials_total{method=\"/a\\\"b\\\\c\\nd\",reason=\"scope\"} 2\n",
            text);
    }

    [Fact]
    public void Write_Histogram_CumulativeBucketsInfSumAndCount()
    {
        var text = PrometheusTextWriter.Write([Duration]);

        Assert.Equal(
            """
            # HELP rpc_server_duration gRPC call duration
            # TYPE rpc_server_duration histogram
            rpc_server_duration_bucket{rpc_method="/x",le="0.005"} 1
            rpc_server_duration_bucket{rpc_method="/x",le="0.5"} 2
            rpc_server_duration_bucket{rpc_method="/x",le="1"} 2
            rpc_server_duration_bucket{rpc_method="/x",le="+Inf"} 3
            rpc_server_duration_sum{rpc_method="/x"} 20.25
            rpc_server_duration_count{rpc_method="/x"} 3

            """,
            text);
    }

    [Fact]
    public void Write_GaugeWithoutDescription_TypeLineOnlyPointsSortedByLabels()
    {
        var text = PrometheusTextWriter.Write([Ready]);

        Assert.Equal(
            """
            # TYPE custodysettle_ready gauge
            custodysettle_ready{check="chain"} 1
            custodysettle_ready{check="postgresql"} 0

            """,
            text);
    }

    [Fact]
    public void Write_SeveralFamilies_SortedByExposedName()
    {
        var text = PrometheusTextWriter.Write([Duration, Ready, Denials]);

        var types = text.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal));
        Assert.Equal(
            ["# TYPE access_denials_total counter", "# TYPE custodysettle_ready gauge", "# TYPE rpc_server_duration histogram"],
            types);
    }

    [Fact]
    public void Write_NoLabelsSpecialValuesAndOddName_FormatsThePrometheusWay()
    {
        var families = new[]
        {
            new MetricFamily("9lives-per.cat:ratio", "", MetricKind.Gauge, [new MetricPoint([], double.NaN)]),
            new MetricFamily("queue.depth", null, MetricKind.Gauge, [new MetricPoint([new("le.vel", "x")], double.PositiveInfinity)]),
            new MetricFamily("batches_total", null, MetricKind.Counter, [new MetricPoint([], 1e-5)]),
            new MetricFamily("never.recorded", "no points, no lines", MetricKind.Counter, []),
        };

        var text = PrometheusTextWriter.Write(families);

        Assert.Equal(
            """
            # TYPE _9lives_per_cat:ratio gauge
            _9lives_per_cat:ratio NaN
            # TYPE batches_total counter
            batches_total 1E-05
            # TYPE queue_depth gauge
            queue_depth{le_vel="x"} +Inf

            """,
            text);
    }
}
