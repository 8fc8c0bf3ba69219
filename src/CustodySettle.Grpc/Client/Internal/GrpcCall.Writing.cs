using System.Buffers;
using CustodySettle.Grpc.Internal;
using Google.Protobuf;

namespace CustodySettle.Grpc.Client.Internal;

/// <summary>Writing request messages on a live request body, and half-closing it.</summary>
internal sealed partial class GrpcCall<TResponse>
{
    // After a failed write, how long the response may take to say why (its status beats the transport error).
    private static readonly TimeSpan WriteFailureGrace = TimeSpan.FromSeconds(1);

    private int _writing;
    private bool _requestCompleted;

    public async Task WriteAsync(IMessage message, CancellationToken cancellationToken)
    {
        ThrowIfCannotWrite();
        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            throw new InvalidOperationException("A write is already in progress: await each write before the next.");
        }

        try
        {
            ReadOnlyMemory<byte> frame;
            try
            {
                frame = Frame(message);
            }
            catch (RpcException e)
            {
                Finish(e.Status, null);
                throw CreateException();
            }

            using var registration = Link(cancellationToken);
            try
            {
                var stream = await _requestContent!.Stream.WaitAsync(_cts.Token);
                await stream.WriteAsync(frame, _cts.Token);

                // Flush each message: HTTP/2 flow control then paces the writer to the reader.
                await stream.FlushAsync(_cts.Token);
            }
            catch (Exception e) when (ClientStatusMapping.IsCallFailure(e))
            {
                throw await WriteFailureAsync(e);
            }
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    /// <summary>Half-closes the request stream: END_STREAM after the messages written.</summary>
    public Task CompleteRequestAsync()
    {
        if (_status.Task.IsCompleted)
        {
            return GetStatus().Code == StatusCode.OK ? Task.CompletedTask : Task.FromException(CreateException());
        }

        _requestCompleted = true;
        _requestContent!.Complete();
        return Task.CompletedTask;
    }

    private void ThrowIfCannotWrite()
    {
        if (_requestCompleted)
        {
            throw new InvalidOperationException("The request stream is complete: no more messages can be written.");
        }

        if (_status.Task.IsCompleted)
        {
            throw GetStatus().Code == StatusCode.OK
                ? new InvalidOperationException("The call is complete: no more messages can be written.")
                : CreateException();
        }
    }

    private async Task<Exception> WriteFailureAsync(Exception e)
    {
        if (!_status.Task.IsCompleted)
        {
            // A write fails when the server ended the call or the connection broke: a status that the
            // response brings meanwhile says more than the transport error.
            await Task.WhenAny(_status.Task, Task.Delay(WriteFailureGrace, _channel.TimeProvider));
            Finish(ClientStatusMapping.FromException(e, _channel.Address), null);
        }

        return GetStatus().Code == StatusCode.OK
            ? new InvalidOperationException("The call is complete: no more messages can be written.")
            : CreateException();
    }

    /// <summary>One length-prefixed message (PROTOCOL-HTTP2.md, "Length-Prefixed-Message"), compressed when configured.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when it exceeds the send limit.</exception>
    private ReadOnlyMemory<byte> Frame(IMessage message)
    {
        var output = new ArrayBufferWriter<byte>();
        if (_channel.CompressRequests)
        {
            MessageFraming.WriteCompressed(output, MessageCompression.Gzip(message, _channel.MaxSendMessageSize));
        }
        else
        {
            MessageFraming.Write(output, message, _channel.MaxSendMessageSize);
        }

        return output.WrittenMemory;
    }
}
