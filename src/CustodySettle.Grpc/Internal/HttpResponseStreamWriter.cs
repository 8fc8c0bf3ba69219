using Google.Protobuf;

namespace CustodySettle.Grpc.Internal;

/// <summary>The response stream of a server-streaming or duplex call.</summary>
internal sealed class HttpResponseStreamWriter<T>(HttpServerCallContext call) : IAsyncStreamWriter<T>
    where T : IMessage<T>
{
    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!cancellationToken.CanBeCanceled || cancellationToken == call.CancellationToken)
        {
            await call.WriteMessageAsync(message, flush: true, call.CancellationToken);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken);
        await call.WriteMessageAsync(message, flush: true, linked.Token);
    }
}
