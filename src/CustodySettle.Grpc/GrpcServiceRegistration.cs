using Google.Protobuf.Reflection;

namespace CustodySettle.Grpc;

/// <summary>A protobuf service and the class that handles its RPCs, as registered with AddGrpcService.</summary>
public sealed record GrpcServiceRegistration(ServiceDescriptor Service, Type HandlerType);
