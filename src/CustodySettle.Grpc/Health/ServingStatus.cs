namespace CustodySettle.Grpc.Health;

/// <summary>
/// Whether a service can take calls, as the application reports it to <see cref="HealthStatusRegistry"/>.
/// The values match <c>grpc.health.v1.HealthCheckResponse.ServingStatus</c> (grpc/grpc
/// doc/health-checking.md); SERVICE_UNKNOWN is left out because only Watch uses it, for a service the
/// registry does not know.
/// </summary>
public enum ServingStatus
{
    /// <summary>The status has not been determined.</summary>
    Unknown = 0,

    /// <summary>The service takes calls.</summary>
    Serving = 1,

    /// <summary>The service is up but should not be sent calls (starting, draining, a dependency down).</summary>
    NotServing = 2,
}
