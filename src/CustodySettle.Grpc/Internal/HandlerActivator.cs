using Microsoft.Extensions.DependencyInjection;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// Gets the handler for a call from the request's services: a singleton or scoped registration as the
/// application chose (AddGrpcService registers a singleton unless one is already there).
/// </summary>
internal sealed class HandlerActivator(Type handlerType)
{
    public object Get(IServiceProvider services) => services.GetRequiredService(handlerType);
}
