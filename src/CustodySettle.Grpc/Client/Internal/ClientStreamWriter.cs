using Google.Protobuf;

namespace CustodySettle.Grpc.Client.Internal;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
internal sealed class ClientStreamWriter<TRequest, TResponse>(GrpcCall<TResponse> call) : IClientStreamWriter<TRequest>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteAsync(message, cancellationToken);
    }

    public Task CompleteAsync() => call.CompleteRequestAsync();
}
