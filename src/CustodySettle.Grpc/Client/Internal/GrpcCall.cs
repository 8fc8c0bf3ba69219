using System.Net.Http.Headers;
using Google.Protobuf;

namespace CustodySettle.Grpc.Client.Internal;

/// <summary>
/// One client call over one HTTP/2 stream. Its outcome is settled once, under one lock: the first of
/// the trailers, a Trailers-Only response, a transport failure, the deadline or a cancellation sets
/// the status, and any later contender finds it set and reports it instead of its own. A non-OK
/// outcome resets the stream (RST_STREAM CANCEL) so the server stops working on the call.
/// </summary>
internal sealed partial class GrpcCall<TResponse> : IDisposable
    where TResponse : IMessage<TResponse>
{
    private static readonly Status CancelledByClient = new(StatusCode.Cancelled, "Call cancelled by the client.");
    private static readonly Status DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    private readonly GrpcClientChannel _channel;
    private readonly string _path;
    private readonly MessageParser<TResponse> _parser;
    private readonly GrpcCallOptions _options;

    // A unary or client-streaming call has exactly one response message.
    private readonly bool _singleResponse;

    // Cancelled when the call ends with a non-OK status: every pending operation of the call stops.
    // Never disposed: a reader on another thread may still ask for its token.
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource<Status> _status = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private Metadata _trailers = new();
    private CancellationTokenRegistration _cancellation;
    private ITimer? _deadlineTimer;
    private bool _disposed;

    public GrpcCall(GrpcClientChannel channel, string path, MessageParser<TResponse> parser, bool singleResponse, GrpcCallOptions options)
    {
        _channel = channel;
        _path = path;
        _parser = parser;
        _singleResponse = singleResponse;
        _options = options;
    }

    /// <summary>Completes with the final status (never faults).</summary>
    public Task<Status> Completion => _status.Task;

    public Status GetStatus() => _status.Task.IsCompleted
        ? _status.Task.Result
        : throw new InvalidOperationException("The call is still in progress: its status is not known yet.");

    public Metadata GetTrailers()
    {
        lock (_lock)
        {
            return _status.Task.IsCompleted
                ? _trailers
                : throw new InvalidOperationException("The call is still in progress: its trailers have not arrived yet.");
        }
    }

    /// <summary>Ends the call with the client's CANCELLED unless it is already over; releases its resources.</summary>
    public void Dispose()
    {
        HttpResponseMessage? response;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            response = _response;
        }

        Finish(CancelledByClient, null);
        _cancellation.Dispose();
        _deadlineTimer?.Dispose();
        response?.Dispose();
        _request?.Dispose();
    }

    /// <summary>Settles the outcome if nothing did before; returns false when the call was already over.</summary>
    private bool Finish(Status status, Metadata? trailers)
    {
        HttpResponseMessage? response;
        lock (_lock)
        {
            if (_status.Task.IsCompleted)
            {
                return false;
            }

            _trailers = trailers ?? new Metadata();
            _status.SetResult(status);
            response = _response;
        }

        _cancellation.Unregister();
        _deadlineTimer?.Dispose();
        if (status.Code == StatusCode.OK)
        {
            _requestContent?.Complete();
            return true;
        }

        // Cancel first, so a pending read fails with cancellation rather than a disposed stream; then
        // dispose the response, which resets the stream even when no operation is pending.
        _cts.Cancel();
        _requestContent?.Abort();
        response?.Dispose();
        return true;
    }

    private void OnCancelled() => Finish(CancelledByClient, null);

    private void OnDeadline() => Finish(DeadlineExceeded, null);

    /// <summary>Cancelling a per-operation token cancels the whole call, as for the call's own token.</summary>
    private CancellationTokenRegistration Link(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TResponse>)state!).OnCancelled(), this)
            : default;

    /// <summary>The exception for a call that ended with a non-OK status.</summary>
    private RpcException CreateException()
    {
        lock (_lock)
        {
            return new RpcException(_status.Task.Result, _trailers);
        }
    }

    private static MediaTypeHeaderValue GrpcContentType() => new(Grpc.Internal.GrpcProtocolConstants.ContentType);
}
