namespace CustodySettle.Grpc.Internal;

/// <summary>An interceptor type, in registration order.</summary>
internal sealed record InterceptorRegistration(Type InterceptorType);
