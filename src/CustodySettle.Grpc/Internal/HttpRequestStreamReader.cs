using Google.Protobuf;

namespace CustodySettle.Grpc.Internal;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
internal sealed class HttpRequestStreamReader<T>(HttpServerCallContext call, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var linked = Link(cancellationToken);
        var (read, message) = await call.ReadNextMessageAsync(parser, linked?.Token ?? call.CancellationToken);
        _current = message;
        return read;
    }

    private CancellationTokenSource? Link(CancellationToken token) =>
        token.CanBeCanceled && token != call.CancellationToken
            ? CancellationTokenSource.CreateLinkedTokenSource(token, call.CancellationToken)
            : null;
}
