using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// What an on-call engineer asks of the transport: how many calls, how they ended, how long they took,
/// how many are open now. Names follow OpenTelemetry's rpc semantic conventions.
/// </summary>
internal sealed class GrpcServerMetrics : IDisposable
{
    public const string MeterName = "CustodySettle.Grpc.Server";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _active;

    public GrpcServerMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _calls = _meter.CreateCounter<long>("rpc.server.calls", "{call}", "gRPC calls finished, by method and status code");
        _duration = _meter.CreateHistogram<double>("rpc.server.duration", "s", "gRPC call duration, by method and status code");
        _active = _meter.CreateUpDownCounter<long>("rpc.server.active_calls", "{call}", "gRPC calls in progress, by method");
    }

    public void CallStarted(string method)
    {
        if (_active.Enabled)
        {
            _active.Add(1, new KeyValuePair<string, object?>("rpc.method", method));
        }
    }

    public void CallFinished(string method, StatusCode code, TimeSpan elapsed)
    {
        if (_active.Enabled)
        {
            _active.Add(-1, new KeyValuePair<string, object?>("rpc.method", method));
        }

        if (!_calls.Enabled && !_duration.Enabled)
        {
            return;
        }

        var tags = new TagList { { "rpc.method", method }, { "rpc.grpc.status_code", (int)code } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}
