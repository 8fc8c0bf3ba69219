using System.Diagnostics.Metrics;

namespace CustodySettle.Access;

/// <summary>Meter <c>CustodySettle.Access</c>: <c>access.denials</c> by reason (unauthenticated, role,
/// scope), so on-call sees a misconfigured client or a probing one.</summary>
public sealed class AccessMetrics
{
    public const string MeterName = "CustodySettle.Access";

    private readonly Counter<long> _denials;

    public AccessMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _denials = meter.CreateCounter<long>("access.denials", unit: "{call}", description: "Calls refused by authentication or authorization");
    }

    public void Denied(string reason, string method) =>
        _denials.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("method", method));
}
