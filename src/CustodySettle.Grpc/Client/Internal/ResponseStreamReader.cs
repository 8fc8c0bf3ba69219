using Google.Protobuf;

namespace CustodySettle.Grpc.Client.Internal;

/// <summary>The response stream of a server-streaming or duplex call.</summary>
internal sealed class ResponseStreamReader<TResponse>(GrpcCall<TResponse> call) : IAsyncStreamReader<TResponse>
    where TResponse : IMessage<TResponse>
{
    private TResponse? _current;

    public TResponse Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var (read, message) = await call.ReadNextAsync(cancellationToken);
        if (read)
        {
            _current = message;
        }

        return read;
    }
}
