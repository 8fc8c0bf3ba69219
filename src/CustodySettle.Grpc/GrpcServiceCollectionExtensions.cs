using CustodySettle.Grpc.Internal;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustodySettle.Grpc;

/// <summary>Registers the gRPC transport, services and interceptors.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>The transport itself: options, metrics, the dispatcher. Call once.</summary>
    public static IServiceCollection AddGrpcTransport(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new GrpcServerOptions();
        configure?.Invoke(options);
        if (options.MaxReceiveMessageSize <= 0)
        {
            throw new ArgumentException("MaxReceiveMessageSize must be positive", nameof(configure));
        }

        services.AddSingleton(options);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrpcServerMetrics>();
        return services;
    }

    /// <summary>
    /// Serves <paramref name="service"/> with <typeparamref name="THandler"/>: one public method per RPC,
    /// named after it (see <see cref="ServerCallContext"/> for the shapes). The handler is a singleton
    /// unless the application registered it with another lifetime first.
    /// </summary>
    /// <exception cref="InvalidOperationException">The service is registered already.</exception>
    public static IServiceCollection AddGrpcService<THandler>(this IServiceCollection services, ServiceDescriptor service)
        where THandler : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(service);
        if (services.Any(d => d.ImplementationInstance is GrpcServiceRegistration r && r.Service.FullName == service.FullName))
        {
            throw new InvalidOperationException($"gRPC service {service.FullName} is already registered");
        }

        services.TryAddSingleton<THandler>();
        var lifetime = services.Last(d => d.ServiceType == typeof(THandler)).Lifetime;
        services.AddSingleton(new GrpcServiceRegistration(service, typeof(THandler), lifetime));
        return services;
    }

    /// <summary>Adds an interceptor to every call; interceptors run in the order they are added.</summary>
    public static IServiceCollection AddGrpcInterceptor<TInterceptor>(this IServiceCollection services)
        where TInterceptor : class, IServerInterceptor
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TInterceptor>();
        services.AddSingleton(new InterceptorRegistration(typeof(TInterceptor)));
        return services;
    }
}
