using System.Net;
using System.Net.Http.Headers;
using CustodySettle.Grpc.Internal;

namespace CustodySettle.Grpc.Client.Internal;

/// <summary>
/// The live request body of a client-streaming or duplex call. HttpClient hands over the request
/// stream when it starts sending the body; messages are written to it as the caller writes them, and
/// the body ends (END_STREAM, the client's half-close) on <see cref="Complete"/>.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent() => Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocolConstants.ContentType);

    /// <summary>The request body stream, once the request headers are out.</summary>
    public Task<Stream> Stream => _stream.Task;

    /// <summary>Ends the body normally.</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Fails the body, which makes HttpClient reset the stream.</summary>
    public void Abort()
    {
        _stream.TrySetCanceled();
        _completed.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // HttpClient may hold the HEADERS frame until the body's first bytes; flush so the server sees
        // the call start before the first message (a duplex server may speak first).
        await stream.FlushAsync(cancellationToken);
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
