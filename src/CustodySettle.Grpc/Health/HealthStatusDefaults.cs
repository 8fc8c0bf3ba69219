using Microsoft.Extensions.Hosting;

namespace CustodySettle.Grpc.Health;

/// <summary>
/// Ties the default health statuses to the host's lifetime: once every hosted service (the web server
/// included) has started, "" and each registered gRPC service are Serving unless the application set
/// them already; as soon as the host begins stopping, all are NotServing.
/// </summary>
internal sealed class HealthStatusDefaults(HealthStatusRegistry registry, IEnumerable<GrpcServiceRegistration> registrations)
    : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        registry.SetDefaults([string.Empty, .. registrations.Select(r => r.Service.FullName)], ServingStatus.Serving);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        registry.Shutdown();
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
