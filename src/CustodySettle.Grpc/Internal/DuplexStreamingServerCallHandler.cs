using Google.Protobuf;

namespace CustodySettle.Grpc.Internal;

internal sealed class DuplexStreamingServerCallHandler<TRequest, TResponse>(
    HandlerActivator activator,
    MessageParser<TRequest> parser,
    Func<object, IAsyncStreamReader<TRequest>, IAsyncStreamWriter<TResponse>, ServerCallContext, Task> invoke) : ServerCallHandler
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public override Task HandleAsync(HttpServerCallContext call) =>
        invoke(
            activator.Get(call.Http),
            new HttpRequestStreamReader<TRequest>(call, parser),
            new HttpResponseStreamWriter<TResponse>(call),
            call);
}
