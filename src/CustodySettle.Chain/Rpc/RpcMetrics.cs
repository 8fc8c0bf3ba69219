using System.Diagnostics.Metrics;

namespace CustodySettle.Chain.Rpc;

/// <summary>The client's instruments (meter <c>CustodySettle.Chain</c>).</summary>
internal sealed class RpcMetrics : IDisposable
{
    public const string MeterName = "CustodySettle.Chain";

    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public RpcMetrics(IMeterFactory? factory)
    {
        // A factory's meters belong to the factory; one made here is disposed here.
        var meter = factory?.Create(MeterName) ?? (_ownedMeter = new Meter(MeterName));
        _calls = meter.CreateCounter<long>("chain.rpc.calls", unit: "{call}", description: "JSON-RPC requests answered or failed, by method and outcome");
        _duration = meter.CreateHistogram<double>("chain.rpc.duration", unit: "s", description: "Time of one HTTP exchange (a single request, or a whole batch as method \"batch\")");
    }

    public void RecordCall(string method, string outcome) =>
        _calls.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("outcome", outcome));

    public void RecordDuration(string method, string outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The outcome tag of a failure.</summary>
    public static string Outcome(Exception? error) => error switch
    {
        null => "ok",
        JsonRpcException e => e.Kind switch
        {
            JsonRpcErrorKind.Rpc => e.IsRevert ? "reverted" : "rpc_error",
            JsonRpcErrorKind.Timeout => "timeout",
            JsonRpcErrorKind.Transport => "transport",
            JsonRpcErrorKind.MalformedResponse => "malformed",
            JsonRpcErrorKind.CircuitOpen => "circuit_open",
            _ => "error",
        },
        OperationCanceledException => "cancelled",
        _ => "error",
    };

    public void Dispose() => _ownedMeter?.Dispose();
}
