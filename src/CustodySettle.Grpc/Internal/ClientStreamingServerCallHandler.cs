using Google.Protobuf;

namespace CustodySettle.Grpc.Internal;

internal sealed class ClientStreamingServerCallHandler<TRequest, TResponse>(
    HandlerActivator activator,
    MessageParser<TRequest> parser,
    Func<object, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoke) : ServerCallHandler
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public override async Task HandleAsync(HttpServerCallContext call)
    {
        var response = await invoke(activator.Get(call.Http), new HttpRequestStreamReader<TRequest>(call, parser), call);
        if (response is null)
        {
            throw new InvalidOperationException($"Handler for {call.Method} returned no response message.");
        }

        await call.WriteMessageAsync(response, flush: false, CancellationToken.None);
    }
}
