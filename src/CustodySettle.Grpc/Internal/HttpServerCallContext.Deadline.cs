using Microsoft.AspNetCore.Http.Features;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// The deadline (GRPC-WIRE.md rule 11): cancel the handler, answer DEADLINE_EXCEEDED unless the call
/// already completed (decided under the write lock), complete the response, and reset the stream.
/// </summary>
internal sealed partial class HttpServerCallContext
{
    private void OnDeadline() => _deadlineTask = DeadlineExceededAsync();

    private async Task DeadlineExceededAsync()
    {
        DeadlineExceeded = true;
        try
        {
            await Cancellation.CancelAsync();
        }
        catch (AggregateException e)
        {
            // A handler's cancellation callback threw; the call still ends with DEADLINE_EXCEEDED.
            GrpcServerLog.CancellationCallbackFailed(_logger, Method, e);
        }

        await _writeLock!.WaitAsync(); // armed with the deadline, so never null here
        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            GrpcServerLog.DeadlineExceeded(_logger, Method);
            WriteStatus(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            await _http.Response.CompleteAsync();
            // The client may still be sending: reset the stream so neither side waits on it.
            _http.Features.Get<IHttpResetFeature>()?.Reset(GrpcProtocolConstants.Http2CancelErrorCode);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            GrpcServerLog.DeadlineResponseFailed(_logger, Method, e);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
