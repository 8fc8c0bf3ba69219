using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using ServiceLifetime = Microsoft.Extensions.DependencyInjection.ServiceLifetime;

namespace CustodySettle.Grpc;

/// <summary>A protobuf service and the class that handles its RPCs, as registered with AddGrpcService.</summary>
/// <param name="Service">The service, from the generated code of its .proto.</param>
/// <param name="HandlerType">The handler class.</param>
/// <param name="HandlerLifetime">How the handler is registered: a singleton is resolved once, at start-up,
/// instead of through a per-request service scope.</param>
public sealed record GrpcServiceRegistration(ServiceDescriptor Service, Type HandlerType, ServiceLifetime HandlerLifetime = ServiceLifetime.Singleton);
