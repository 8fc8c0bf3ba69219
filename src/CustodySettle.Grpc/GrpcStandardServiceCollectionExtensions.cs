using CustodySettle.Grpc.Health;
using CustodySettle.Grpc.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using HealthProto = Grpc.Health.V1.HealthReflection;
using ReflectionV1AlphaProto = Grpc.Reflection.V1Alpha.ReflectionReflection;
using ReflectionV1Proto = Grpc.Reflection.V1.ReflectionReflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace CustodySettle.Grpc;

/// <summary>Registers the standard services gRPC clients and load balancers expect: health and reflection.</summary>
public static class GrpcStandardServiceCollectionExtensions
{
    /// <summary>
    /// Serves <c>grpc.health.v1.Health</c> (grpc/grpc doc/health-checking.md) from the singleton
    /// <see cref="HealthStatusRegistry"/>: "" and every registered gRPC service report Serving once the
    /// application has started (unless it set them first), NotServing once it begins stopping.
    /// Calling it again has no further effect.
    /// </summary>
    public static IServiceCollection AddGrpcHealth(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<HealthStatusRegistry>();
        services.AddHostedService<HealthStatusDefaults>();
        return AddOnce<HealthService>(services, HealthProto.Descriptor.Services[0]);
    }

    /// <summary>
    /// Serves server reflection (grpc/grpc doc/server-reflection.md), <c>grpc.reflection.v1</c> and
    /// <c>grpc.reflection.v1alpha</c>, describing every gRPC service registered with this container
    /// (those added after this call too). Calling it again has no further effect.
    /// </summary>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => new ReflectionResolver(
            provider.GetServices<GrpcServiceRegistration>().Select(registration => registration.Service)));
        services.TryAddSingleton<ReflectionResponder>();
        AddOnce<ReflectionV1Service>(services, ReflectionV1Proto.Descriptor.Services[0]);
        return AddOnce<ReflectionV1AlphaService>(services, ReflectionV1AlphaProto.Descriptor.Services[0]);
    }

    /// <summary>A second registration of one service would stop UseGrpcTransport ("registered twice").</summary>
    private static IServiceCollection AddOnce<THandler>(IServiceCollection services, ServiceDescriptor service)
        where THandler : class
    {
        var registered = services.Any(d => !d.IsKeyedService && d.ImplementationInstance is GrpcServiceRegistration r && r.Service == service);
        return registered ? services : services.AddGrpcService<THandler>(service);
    }
}
