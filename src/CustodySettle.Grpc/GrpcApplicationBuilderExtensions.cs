using System.Collections.Frozen;
using CustodySettle.Grpc.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Grpc;

/// <summary>Puts the gRPC dispatcher at the end of the HTTP pipeline.</summary>
public static class GrpcApplicationBuilderExtensions
{
    /// <summary>
    /// Binds every registered service now, so a handler that does not match its .proto stops start-up
    /// here rather than failing a call later; then serves them.
    /// </summary>
    /// <exception cref="InvalidOperationException">A handler does not match its service, or two services share a name.</exception>
    public static IApplicationBuilder UseGrpcTransport(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ApplicationServices;
        var interceptors = services.GetServices<InterceptorRegistration>()
            .Select(r => (IServerInterceptor)services.GetRequiredService(r.InterceptorType))
            .ToList();
        var methods = new Dictionary<string, ServerMethodBinding>(StringComparer.Ordinal);
        foreach (var registration in services.GetServices<GrpcServiceRegistration>())
        {
            var activator = () => new HandlerActivator(registration.HandlerType, registration.HandlerLifetime, services);
            foreach (var binding in ServiceBinder.Bind(registration.Service, registration.HandlerType, activator, out var handlers))
            {
                binding.Pipeline = BuildPipeline(handlers[binding], interceptors);
                if (!methods.TryAdd(binding.Path, binding))
                {
                    throw new InvalidOperationException($"gRPC service {registration.Service.FullName} is registered twice");
                }
            }
        }

        var logger = services.GetRequiredService<ILogger<GrpcDispatcher>>();
        GrpcServerLog.ServicesBound(logger, methods.Count);
        var dispatcher = new GrpcDispatcher(
            methods.ToFrozenDictionary(StringComparer.Ordinal),
            services.GetRequiredService<GrpcServerOptions>(),
            services.GetRequiredService<GrpcServerMetrics>(),
            logger,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IHostApplicationLifetime>());
        app.Run(dispatcher.InvokeAsync);
        return app;
    }

    private static ServerCallContinuation BuildPipeline(ServerCallHandler handler, List<IServerInterceptor> interceptors)
    {
        ServerCallContinuation next = context => handler.HandleAsync((HttpServerCallContext)context);
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var inner = next;
            next = context => interceptor.InterceptAsync(context, inner);
        }

        return next;
    }
}
