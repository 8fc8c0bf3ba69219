using CustodySettle.Grpc;
using Google.Protobuf;

namespace CustodySettle.Testing.Interop;

/// <summary>
/// The interop test service (tests/interop/protos/.../echo.proto), as its comments define it. Real
/// peers drive it to prove the transport; Observe lets them check what a handler saw of cancellation.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "RPC handlers bind as instance methods, stateless or not.")]
public sealed class EchoHandler(EchoObservations observations)
{
    public async Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        var echoed = new Metadata();
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-echo-", StringComparison.Ordinal)))
        {
            echoed.Add(entry);
            context.ResponseTrailers.Add(entry);
        }

        if (echoed.Count > 0)
        {
            await context.WriteResponseHeadersAsync(echoed);
        }

        if (request.StatusCode != 0)
        {
            throw new RpcException((StatusCode)request.StatusCode, request.StatusMessage);
        }

        return new EchoReply
        {
            Message = request.Message,
            Payload = request.ReplyPayloadSize > 0 ? ByteString.CopyFrom(new byte[request.ReplyPayloadSize]) : request.Payload,
        };
    }

    public async Task ServerStream(StreamRequest request, IAsyncStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var record = observations.For(request.Tag);
        using var registration = context.CancellationToken.Register(() => record.Cancelled = true);
        try
        {
            var payload = ByteString.CopyFrom(new byte[request.PayloadSize]);
            for (var i = 0; i < request.Count; i++)
            {
                if (i > 0 && request.IntervalMs > 0)
                {
                    await Task.Delay(request.IntervalMs, context.CancellationToken);
                }

                await responseStream.WriteAsync(new EchoReply { Sequence = i, Payload = payload }, context.CancellationToken);
                record.CountSent();
            }
        }
        finally
        {
            record.Finish();
        }
    }

    public async Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var messages = new List<string>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            messages.Add(request.Message);
        }

        return new EchoReply { Count = messages.Count, Message = string.Join(',', messages) };
    }

    public async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IAsyncStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var sequence = 0L;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new EchoReply { Message = request.Message, Sequence = sequence++ }, context.CancellationToken);
        }
    }

    public async Task<EchoReply> Sleep(SleepRequest request, ServerCallContext context)
    {
        var record = observations.For(request.Tag);
        try
        {
            await Task.Delay(request.DurationMs, context.CancellationToken);
            return new EchoReply { Message = "slept" };
        }
        catch (OperationCanceledException)
        {
            record.Cancelled = true;
            throw;
        }
        finally
        {
            record.Finish();
        }
    }

    public async Task<Observation> Observe(ObserveRequest request, ServerCallContext context)
    {
        var record = observations.For(request.Tag);
        await Task.WhenAny(record.Finished.Task, Task.Delay(TimeSpan.FromSeconds(10), context.CancellationToken));
        return new Observation { Cancelled = record.Cancelled, MessagesSent = record.MessagesSent, Finished = record.Finished.Task.IsCompleted };
    }
}
