using System.Buffers;
using System.IO.Pipelines;
using CustodySettle.Grpc.Internal;
using Google.Protobuf;

namespace CustodySettle.Grpc.Client.Internal;

/// <summary>Reading response messages, then the status from the trailers.</summary>
internal sealed partial class GrpcCall<TResponse>
{
    private PipeReader? _reader;
    private string? _responseEncoding;
    private int _messagesRead;

    /// <summary>The next response message, or false once the call ended with OK.</summary>
    /// <exception cref="RpcException">The call ended with any other status.</exception>
    public async Task<(bool Read, TResponse? Message)> ReadNextAsync(CancellationToken cancellationToken)
    {
        using var registration = Link(cancellationToken);
        var response = await _responseTask;
        if (response is null || _status.Task.IsCompleted)
        {
            return EndOfResponse();
        }

        try
        {
            if (_reader is null)
            {
                _responseEncoding = HttpHeadersMetadata.GetValue(response.Headers, GrpcProtocolConstants.EncodingHeader);
                _reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(_cts.Token));
            }

            while (true)
            {
                var result = await _reader.ReadAsync(_cts.Token);
                var buffer = result.Buffer;

                // The declared length is checked against the limit before the payload is buffered
                // (GRPC-WIRE.md rule 6); DATA frames need not align with messages (rule 4).
                if (MessageFraming.TryRead(ref buffer, _channel.MaxReceiveMessageSize, out var compressed, out var payload))
                {
                    var message = Parse(payload, compressed);
                    _reader.AdvanceTo(buffer.Start);
                    if (++_messagesRead > 1 && _singleResponse)
                    {
                        throw new RpcException(StatusCode.Internal, "The server sent more than one response message for a call that has one.");
                    }

                    return (true, message);
                }

                if (result.IsCompleted)
                {
                    _reader.AdvanceTo(buffer.End);
                    if (!buffer.IsEmpty)
                    {
                        throw new RpcException(StatusCode.Internal, "The response ended inside a message.");
                    }

                    var trailers = response.TrailingHeaders;
                    Finish(CheckSingleResponse(ClientStatusMapping.FromTrailers(trailers)), HttpHeadersMetadata.From(trailers));
                    return EndOfResponse();
                }

                _reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (Exception e) when (ClientStatusMapping.IsCallFailure(e))
        {
            Finish(ClientStatusMapping.FromException(e, _channel.Address), null);
            throw CreateException();
        }
    }

    /// <summary>The one response message of a unary or client-streaming call, read through to its status.</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        var (_, message) = await ReadNextAsync(CancellationToken.None);

        // Read on to the trailers: the status comes with them, and a second message is an error.
        await ReadNextAsync(CancellationToken.None);
        return message!;
    }

    /// <summary>OK without the one message a unary response must carry is a protocol violation.</summary>
    private Status CheckSingleResponse(Status status) =>
        status.Code == StatusCode.OK && _singleResponse && _messagesRead == 0
            ? new Status(StatusCode.Internal, "The server ended the call with OK but sent no response message.")
            : status;

    private (bool, TResponse?) EndOfResponse() =>
        GetStatus().Code == StatusCode.OK ? (false, default) : throw CreateException();

    private TResponse Parse(ReadOnlySequence<byte> payload, bool compressed)
    {
        if (compressed && !MessageCompression.IsSupported(_responseEncoding))
        {
            throw new RpcException(StatusCode.Internal, $"The server compressed a message with grpc-encoding '{_responseEncoding}', which this client does not support.");
        }

        var bytes = MessageCompression.Decode(payload, compressed, _responseEncoding, _channel.MaxReceiveMessageSize);
        try
        {
            return _parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(StatusCode.Internal, "Failed to deserialize the response message.");
        }
    }
}
