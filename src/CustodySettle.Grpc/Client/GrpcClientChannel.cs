using System.Net;
using CustodySettle.Grpc.Client.Internal;
using Google.Protobuf;

namespace CustodySettle.Grpc.Client;

/// <summary>
/// A client connection to one gRPC server (<c>http://</c> for h2c, <c>https://</c> for TLS), on
/// HttpClient over HTTP/2. Calls share its connections; create one per server and reuse it.
/// A failed call throws <see cref="RpcException"/> whose message is fit to show a person.
/// </summary>
public sealed class GrpcClientChannel : IDisposable
{
    private readonly HttpClient _httpClient;
    private volatile bool _disposed;

    public GrpcClientChannel(Uri address, GrpcClientOptions? options = null)
        : this(address, options ?? new GrpcClientOptions(), handler: null)
    {
    }

    /// <summary>A channel over <paramref name="handler"/> (tests answer with it), or over its own HTTP/2 handler when null.</summary>
    internal GrpcClientChannel(Uri address, GrpcClientOptions options, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{address}' is not an http:// or https:// address.", nameof(address));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxReceiveMessageSize, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxSendMessageSize ?? 0, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));

        // A path prefix (a server behind a routing proxy) is kept: the method's path goes after it.
        Address = new Uri(address.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        CompressRequests = options.CompressRequests;
        TimeProvider = options.TimeProvider;
        foreach (var entry in options.DefaultMetadata ?? [])
        {
            HttpHeadersMetadata.EnsureNotReserved(entry);
            DefaultMetadata.Add(entry);
        }

        _httpClient = new HttpClient(handler ?? CreateHandler(address), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The server's address.</summary>
    public Uri Address { get; }

    internal HttpClient HttpClient => _httpClient;

    internal int MaxReceiveMessageSize { get; }

    internal int? MaxSendMessageSize { get; }

    internal bool CompressRequests { get; }

    internal TimeProvider TimeProvider { get; }

    internal Metadata DefaultMetadata { get; } = new();

    /// <summary>User-Agent → "grpc-" Language ?("-" Variant) "/" Version (PROTOCOL-HTTP2.md).</summary>
    internal string UserAgent { get; } = $"grpc-csharp-custodysettle/{typeof(GrpcClientChannel).Assembly.GetName().Version?.ToString(3)}";

    /// <summary>Calls a unary method.</summary>
    /// <exception cref="RpcException">The call ended with a status other than OK.</exception>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var call = StartUnary(method, request, options);
        return ReadAndDisposeAsync(call);

        static async Task<TResponse> ReadAndDisposeAsync(GrpcCall<TResponse> call)
        {
            using (call)
            {
                return await call.ReadSingleResponseAsync();
            }
        }
    }

    /// <summary>Calls a unary method; returns the response with its headers and trailers.</summary>
    /// <exception cref="RpcException">The call ended with a status other than OK (its trailers are on it).</exception>
    public Task<UnaryResult<TResponse>> UnaryWithMetadataAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var call = StartUnary(method, request, options);
        return ReadAndDisposeAsync(call);

        static async Task<UnaryResult<TResponse>> ReadAndDisposeAsync(GrpcCall<TResponse> call)
        {
            using (call)
            {
                var response = await call.ReadSingleResponseAsync();
                return new UnaryResult<TResponse>(response, await call.ResponseHeadersAsync, call.GetTrailers());
            }
        }
    }

    /// <summary>Starts a server-streaming call.</summary>
    public ServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = CreateCall(method, clientStreaming: false, serverStreaming: true, options);
        call.Start(request);
        return new ServerStreamingCall<TResponse>(call);
    }

    /// <summary>Starts a client-streaming call.</summary>
    public ClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, GrpcCallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var call = CreateCall(method, clientStreaming: true, serverStreaming: false, options);
        call.StartStreaming();
        return new ClientStreamingCall<TRequest, TResponse>(call);
    }

    /// <summary>Starts a duplex-streaming call.</summary>
    public DuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, GrpcCallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var call = CreateCall(method, clientStreaming: true, serverStreaming: true, options);
        call.StartStreaming();
        return new DuplexStreamingCall<TRequest, TResponse>(call);
    }

    /// <summary>Closes the connections; calls still running fail.</summary>
    public void Dispose()
    {
        _disposed = true;
        _httpClient.Dispose();
    }

    private GrpcCall<TResponse> StartUnary<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = CreateCall(method, clientStreaming: false, serverStreaming: false, options);
        call.Start(request);
        return call;
    }

    private GrpcCall<TResponse> CreateCall<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, bool clientStreaming, bool serverStreaming, GrpcCallOptions options)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ObjectDisposedException.ThrowIf(_disposed, this);
        method.EnsureKind(clientStreaming, serverStreaming);
        return new GrpcCall<TResponse>(this, method.Path, method.ResponseParser, singleResponse: !serverStreaming, options);
    }

    private static SocketsHttpHandler CreateHandler(Uri address) => new()
    {
        // One HTTP/2 connection allows ~100 concurrent streams; open more rather than queue calls.
        EnableMultipleHttp2Connections = true,

        // Ping while calls are active, so a peer that vanished fails its calls instead of hanging them;
        // not when idle, which servers that police pings (grpc-core: ENHANCE_YOUR_CALM) would punish.
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,

        // A forward proxy cannot carry h2c with prior knowledge; for https it may tunnel (CONNECT).
        UseProxy = address.Scheme == Uri.UriSchemeHttps,
    };
}
