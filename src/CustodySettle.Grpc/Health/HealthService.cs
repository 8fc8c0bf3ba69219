using Grpc.Health.V1;
using WireStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CustodySettle.Grpc.Health;

/// <summary>
/// <c>grpc.health.v1.Health</c> (grpc/grpc doc/health-checking.md), answering from
/// <see cref="HealthStatusRegistry"/>.
/// </summary>
internal sealed class HealthService(HealthStatusRegistry registry)
{
    /// <summary>
    /// The service's status. health-checking.md: "If the requested service is unknown, the call will
    /// fail with status NOT_FOUND."
    /// </summary>
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = registry.Get(request.Service)
            ?? throw new RpcException(StatusCode.NotFound, $"Unknown service '{request.Service}'.");
        return Task.FromResult(new HealthCheckResponse { Status = ToWire(status) });
    }

    /// <summary>
    /// health-checking.md: the first message is the current status (SERVICE_UNKNOWN for a service the
    /// server does not know, without failing the call, since it may become known), then a message each
    /// time the status changes. The stream ends only when the client cancels or the server stops
    /// (the call's token; the transport turns that into CANCELLED or UNAVAILABLE).
    /// </summary>
    public async Task Watch(HealthCheckRequest request, IAsyncStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        WireStatus? sent = null;
        while (true)
        {
            var (status, changed) = registry.Observe(request.Service);
            var current = status is { } known ? ToWire(known) : WireStatus.ServiceUnknown;
            if (current != sent)
            {
                // While this write waits on a slow client, changes only complete `changed`: the next
                // round sends whatever is latest then.
                await responseStream.WriteAsync(new HealthCheckResponse { Status = current }, cancellationToken);
                sent = current;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private static WireStatus ToWire(ServingStatus status) => status switch
    {
        ServingStatus.Serving => WireStatus.Serving,
        ServingStatus.NotServing => WireStatus.NotServing,
        _ => WireStatus.Unknown,
    };
}
