using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// One gRPC call over one HTTP/2 stream. Owns the call's cancellation, its deadline, and the single
/// lock under which messages and the final status are written, so that the deadline and a normal
/// completion race safely: whichever takes the lock first ends the call, the other does nothing
/// (GRPC-WIRE.md rule 11).
/// </summary>
internal sealed partial class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly HttpContext _http;
    private readonly ServerMethodBinding _binding;
    private readonly GrpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly Lock _ctsGate = new();

    // Created on first use: a unary handler that never looks at its token costs no linked source and
    // no registrations (and Kestrel allocates RequestAborted's source only when it is read).
    private CancellationTokenSource? _cts;
    // Only the deadline's timer writes concurrently with the handler, so the lock that orders writes
    // exists only when a deadline is armed; without one, writes are sequential by construction.
    private SemaphoreSlim? _writeLock;
    private ITimer? _deadlineTimer;
    private Task? _deadlineTask;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object?>? _items;
    private bool _completed;
    private bool _headersWritten;

    // Kestrel reports HasStarted only once headers are flushed; an unflushed unary message counts too.
    private bool _bodyWritten;

    public HttpServerCallContext(
        HttpContext http, ServerMethodBinding binding, GrpcServerOptions options, ILogger logger, TimeProvider time, CancellationToken stopping)
    {
        _http = http;
        _binding = binding;
        _options = options;
        _logger = logger;
        _time = time;
        _stopping = stopping;
        RequestEncoding = http.Request.Headers[GrpcProtocolConstants.EncodingHeader].ToString() is { Length: > 0 } e ? e : null;
        GzipResponses = options.CompressResponses
            && MessageCompression.AcceptsGzip(http.Request.Headers[GrpcProtocolConstants.AcceptEncodingHeader].ToString());
    }

    public HttpContext Http => _http;

    /// <summary>The client's <c>grpc-encoding</c> for request messages, if any.</summary>
    public string? RequestEncoding { get; }

    /// <summary>Response messages go out gzip-compressed.</summary>
    public bool GzipResponses { get; }

    /// <summary>The deadline passed before the handler finished.</summary>
    public bool DeadlineExceeded { get; private set; }

    /// <summary>The final status has been written (by completion or by the deadline).</summary>
    public bool IsCompleted => Volatile.Read(ref _completed);

    public override string Method => _binding.Path;

    public override MethodDescriptor MethodDescriptor => _binding.Descriptor;

    public override string Peer
    {
        get
        {
            var connection = _http.Connection;
            return connection.RemoteIpAddress switch
            {
                null => "unknown",
                { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{connection.RemotePort}",
                var ip => $"ipv4:{ip}:{connection.RemotePort}",
            };
        }
    }

    public override DateTimeOffset? Deadline => DeadlineValue;

    private DateTimeOffset? DeadlineValue { get; set; }

    public override CancellationToken CancellationToken => Cancellation.Token;

    private CancellationTokenSource Cancellation
    {
        get
        {
            lock (_ctsGate)
            {
                return _cts ??= CancellationTokenSource.CreateLinkedTokenSource(_http.RequestAborted, _stopping);
            }
        }
    }

    public override Metadata RequestHeaders => _requestHeaders ??= MetadataCodec.FromRequestHeaders(_http.Request.Headers);

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override Status Status { get; set; } = Status.Ok;

    public override IDictionary<object, object?> Items => _items ??= [];

    public override HttpContext GetHttpContext() => _http;

    /// <summary>Sets the response headers every answer carries, and arms the deadline.</summary>
    public void Start()
    {
        var response = _http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocolConstants.ContentType;
        response.Headers[GrpcProtocolConstants.AcceptEncodingHeader] = GrpcProtocolConstants.SupportedEncodings;
        if (GzipResponses)
        {
            response.Headers[GrpcProtocolConstants.EncodingHeader] = GrpcProtocolConstants.GzipEncoding;
        }

        if (GrpcProtocolHelpers.TryParseTimeout(_http.Request.Headers[GrpcProtocolConstants.TimeoutHeader].ToString(), out var timeout))
        {
            // Timers take at most ~49 days; a longer deadline is, in practice, no deadline.
            if (timeout < TimeSpan.FromDays(30))
            {
                DeadlineValue = _time.GetUtcNow() + timeout;
                _writeLock = new SemaphoreSlim(1, 1);
                _deadlineTimer = _time.CreateTimer(static state => ((HttpServerCallContext)state!).OnDeadline(), this, timeout, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        await EnterWriteAsync(CancellationToken);
        try
        {
            if (_headersWritten || _bodyWritten || _http.Response.HasStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
            }

            ThrowIfCompleted();
            MetadataCodec.AddTo(_http.Response.Headers, responseHeaders);
            _headersWritten = true;
            await _http.Response.BodyWriter.FlushAsync(CancellationToken);
        }
        finally
        {
            ExitWrite();
        }
    }

    /// <summary>Waits for a deadline that fired to finish ending the call, and releases the call's resources.</summary>
    public async Task EndAsync()
    {
        if (_deadlineTimer is not null)
        {
            await _deadlineTimer.DisposeAsync();
        }

        if (_deadlineTask is { } deadlineTask)
        {
            await deadlineTask;
        }

        Dispose();
    }

    public void Dispose()
    {
        lock (_ctsGate)
        {
            _cts?.Dispose();
        }

        _writeLock?.Dispose();
    }

    private Task EnterWriteAsync(CancellationToken cancellationToken) =>
        _writeLock?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    private void ExitWrite() => _writeLock?.Release();

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw DeadlineExceeded
                ? new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded")
                : new InvalidOperationException("The call is complete: no more messages can be written.");
        }
    }
}
