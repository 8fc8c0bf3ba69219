using Google.Protobuf;

namespace CustodySettle.Grpc.Internal;

internal sealed class ServerStreamingServerCallHandler<TRequest, TResponse>(
    HandlerActivator activator,
    MessageParser<TRequest> parser,
    Func<object, TRequest, IAsyncStreamWriter<TResponse>, ServerCallContext, Task> invoke) : ServerCallHandler
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public override async Task HandleAsync(HttpServerCallContext call)
    {
        var request = await call.ReadSingleMessageAsync(parser);
        await invoke(activator.Get(call.Http), request, new HttpResponseStreamWriter<TResponse>(call), call);
    }
}
