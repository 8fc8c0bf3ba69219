using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// Gets the handler for a call. A singleton (what AddGrpcService registers unless the application
/// chose otherwise) is resolved once at start-up: touching HttpContext.RequestServices would create a
/// service scope per request, a cost every call would pay. Scoped and transient handlers come from the
/// request's scope.
/// </summary>
internal sealed class HandlerActivator
{
    private readonly Type _handlerType;
    private readonly object? _singleton;

    public HandlerActivator(Type handlerType, ServiceLifetime lifetime, IServiceProvider root)
    {
        _handlerType = handlerType;
        _singleton = lifetime == ServiceLifetime.Singleton ? root.GetRequiredService(handlerType) : null;
    }

    public object Get(HttpContext http) => _singleton ?? http.RequestServices.GetRequiredService(_handlerType);
}
