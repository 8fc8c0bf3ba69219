using Google.Protobuf;

namespace CustodySettle.Grpc.Internal;

internal sealed class UnaryServerCallHandler<TRequest, TResponse>(
    HandlerActivator activator,
    MessageParser<TRequest> parser,
    Func<object, TRequest, ServerCallContext, Task<TResponse>> invoke) : ServerCallHandler
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public override async Task HandleAsync(HttpServerCallContext call)
    {
        var request = await call.ReadSingleMessageAsync(parser);
        var response = await invoke(activator.Get(call.Http), request, call);
        if (response is null)
        {
            throw new InvalidOperationException($"Handler for {call.Method} returned no response message.");
        }

        await call.WriteMessageAsync(response, flush: false, CancellationToken.None);
    }
}
