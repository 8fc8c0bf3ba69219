using System.Net;
using System.Net.Http.Headers;
using CustodySettle.Grpc.Internal;
using Google.Protobuf;

namespace CustodySettle.Grpc.Client.Internal;

/// <summary>Starting the call: the request's headers, its deadline, and the response headers.</summary>
internal sealed partial class GrpcCall<TResponse>
{
    // Timers take at most ~49 days; a longer deadline is sent to the server but not timed here.
    private static readonly TimeSpan LongestTimedDeadline = TimeSpan.FromDays(30);

    private Task<HttpResponseMessage?> _responseTask = Task.FromResult<HttpResponseMessage?>(null);
    private Task<Metadata>? _headersTask;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private StreamingRequestContent? _requestContent;

    /// <summary>The response headers, once they arrive (application metadata only).</summary>
    public Task<Metadata> ResponseHeadersAsync
    {
        get
        {
            lock (_lock)
            {
                return _headersTask ??= ReadResponseHeadersAsync();
            }
        }
    }

    /// <summary>Starts a unary or server-streaming call: its one request message goes out with the headers.</summary>
    public void Start(IMessage request)
    {
        ReadOnlyMemory<byte> frame;
        try
        {
            frame = Frame(request);
        }
        catch (RpcException e)
        {
            Finish(e.Status, null);
            return;
        }

        var content = new ReadOnlyMemoryContent(frame);
        content.Headers.ContentType = GrpcContentType();
        Start(content);
    }

    /// <summary>Starts a client-streaming or duplex call: the request body stays open for <see cref="WriteAsync"/>.</summary>
    public void StartStreaming()
    {
        _requestContent = new StreamingRequestContent();
        Start(_requestContent);
    }

    private void Start(HttpContent content)
    {
        TimeSpan? timeout = _options.Deadline is { } deadline ? deadline - _channel.TimeProvider.GetUtcNow() : null;
        _request = CreateRequest(content, timeout);
        _cancellation = Link(_options.CancellationToken);
        if (timeout is { } remaining)
        {
            if (remaining <= TimeSpan.Zero)
            {
                // Already past the deadline: fail without sending, as the server would on arrival.
                Finish(DeadlineExceeded, null);
            }
            else if (remaining < LongestTimedDeadline)
            {
                _deadlineTimer = _channel.TimeProvider.CreateTimer(
                    static state => ((GrpcCall<TResponse>)state!).OnDeadline(), this, remaining, Timeout.InfiniteTimeSpan);
            }
        }

        if (!_status.Task.IsCompleted)
        {
            _responseTask = SendAsync(_request);
        }
    }

    private HttpRequestMessage CreateRequest(HttpContent content, TimeSpan? timeout)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _path.TrimStart('/')))
        {
            // gRPC is HTTP/2 only (GRPC-WIRE.md rule 1): prior knowledge for http (h2c), ALPN "h2" for
            // https, and never a fallback to HTTP/1.1.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };

        // Request-Headers (PROTOCOL-HTTP2.md): te: trailers detects proxies that drop trailers.
        var headers = request.Headers;
        headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        headers.TryAddWithoutValidation(GrpcProtocolConstants.UserAgentHeader, _channel.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocolConstants.AcceptEncodingHeader, GrpcProtocolConstants.SupportedEncodings);
        if (_channel.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.EncodingHeader, GrpcProtocolConstants.GzipEncoding);
        }

        if (timeout > TimeSpan.Zero)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.TimeoutHeader, GrpcProtocolHelpers.FormatTimeout(timeout.Value));
        }

        HttpHeadersMetadata.AddTo(headers, _channel.DefaultMetadata);
        if (_options.Headers is { } metadata)
        {
            HttpHeadersMetadata.AddTo(headers, metadata);
        }

        return request;
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            // ResponseHeadersRead: return at the response headers, while the request body may still be
            // open (duplex), and leave the body unbuffered so messages are read as they arrive.
            response = await _channel.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _cts.Token);
        }
        catch (Exception e) when (ClientStatusMapping.IsCallFailure(e))
        {
            Finish(ClientStatusMapping.FromException(e, _channel.Address), null);
            return null;
        }

        bool over;
        lock (_lock)
        {
            _response = response;
            over = _status.Task.IsCompleted;
        }

        if (over)
        {
            // Cancelled or timed out while the headers were on their way: reset the stream now.
            response.Dispose();
            return null;
        }

        if (ClientStatusMapping.FromResponseHeaders(response) is { } status)
        {
            // Trailers-Only, or not a gRPC response: the headers carry the status and the trailers'
            // metadata (PROTOCOL-HTTP2.md, "Responses").
            Finish(CheckSingleResponse(status), HttpHeadersMetadata.From(response.Headers));
        }

        return response;
    }

    private async Task<Metadata> ReadResponseHeadersAsync()
    {
        var response = await _responseTask;
        return response is null ? throw CreateException() : HttpHeadersMetadata.From(response.Headers);
    }
}
