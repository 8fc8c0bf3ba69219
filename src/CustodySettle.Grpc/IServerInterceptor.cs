namespace CustodySettle.Grpc;

/// <summary>Runs the rest of the call: later interceptors, then reading the request, the handler and the response.</summary>
public delegate Task ServerCallContinuation(ServerCallContext context);

/// <summary>
/// Wraps every call, before its request is read: authentication, logging and metrics plug in here.
/// Throw <see cref="RpcException"/> to end the call with a status without reaching the handler.
/// Interceptors are singletons, run in registration order.
/// </summary>
public interface IServerInterceptor
{
    Task InterceptAsync(ServerCallContext context, ServerCallContinuation continuation);
}
