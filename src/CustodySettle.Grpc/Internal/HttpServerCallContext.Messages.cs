using System.Buffers;
using Google.Protobuf;

namespace CustodySettle.Grpc.Internal;

/// <summary>Reading request messages and writing response messages.</summary>
internal sealed partial class HttpServerCallContext
{
    /// <summary>
    /// A unary request: exactly one message, then the end of the stream. No message, an incomplete one,
    /// or data after it are protocol violations, answered with INTERNAL as grpc-dotnet does
    /// (GRPC-WIRE.md rule 5).
    /// </summary>
    public async ValueTask<T> ReadSingleMessageAsync<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        var reader = _http.Request.BodyReader;
        T? message = default;
        var haveMessage = false;
        while (true)
        {
            // No token: a deadline resets the stream and a client reset or shutdown aborts it, and any
            // of those ends this read; the call's token is created only if the handler asks for it.
            var result = await reader.ReadAsync(CancellationToken.None);
            var buffer = result.Buffer;
            if (!haveMessage && MessageFraming.TryRead(ref buffer, _options.MaxReceiveMessageSize, out var compressed, out var payload))
            {
                message = Parse(parser, payload, compressed);
                haveMessage = true;
            }

            if (haveMessage && !buffer.IsEmpty)
            {
                reader.AdvanceTo(buffer.End);
                throw new RpcException(StatusCode.Internal, "Additional data after the message received.");
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return haveMessage
                    ? message!
                    : throw new RpcException(StatusCode.Internal, buffer.IsEmpty ? "Request did not include a message." : "Incomplete message.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>The next message of a request stream, or false at its end.</summary>
    public async ValueTask<(bool Read, T? Message)> ReadNextMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        var reader = _http.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (MessageFraming.TryRead(ref buffer, _options.MaxReceiveMessageSize, out var compressed, out var payload))
            {
                var message = Parse(parser, payload, compressed);
                reader.AdvanceTo(buffer.Start);
                return (true, message);
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.IsEmpty ? (false, default) : throw new RpcException(StatusCode.Internal, "Incomplete message.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed)
        where T : IMessage<T>
    {
        var bytes = MessageCompression.Decode(payload, compressed, RequestEncoding, _options.MaxReceiveMessageSize);
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(StatusCode.Internal, "Failed to deserialize the request message.");
        }
    }

    /// <summary>
    /// Writes one response message. A unary response is not flushed: it leaves with the trailers in one
    /// write when the call completes. A stream message is flushed, which waits on HTTP/2 flow control,
    /// so a slow reader holds the writer back instead of growing a buffer.
    /// </summary>
    public async Task WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        await EnterWriteAsync(cancellationToken);
        try
        {
            ThrowIfCompleted();
            var output = _http.Response.BodyWriter;
            if (GzipResponses)
            {
                MessageFraming.WriteCompressed(output, MessageCompression.Gzip(message, _options.MaxSendMessageSize));
            }
            else
            {
                MessageFraming.Write(output, message, _options.MaxSendMessageSize);
            }

            _bodyWritten = true;

            if (flush)
            {
                await output.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            ExitWrite();
        }
    }
}
