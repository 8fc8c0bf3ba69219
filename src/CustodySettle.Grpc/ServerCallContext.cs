using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace CustodySettle.Grpc;

/// <summary>What a handler knows about its call, and how it answers besides its messages.</summary>
public abstract class ServerCallContext
{
    /// <summary>The called method, <c>/package.Service/Method</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The method's protobuf descriptor.</summary>
    public abstract MethodDescriptor MethodDescriptor { get; }

    /// <summary>The peer's address, as gRPC names it (<c>ipv4:127.0.0.1:5000</c>).</summary>
    public abstract string Peer { get; }

    /// <summary>The client's deadline, if it sent <c>grpc-timeout</c>.</summary>
    public abstract DateTimeOffset? Deadline { get; }

    /// <summary>Fires when the deadline passes, the client cancels or goes away, or the server stops.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>The request metadata (reserved and pseudo headers excluded).</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Metadata sent with the status at the end of the call.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status to end with when the handler returns normally (default OK).</summary>
    public abstract Status Status { get; set; }

    /// <summary>Per-call state that interceptors share with handlers (for example the authenticated caller).</summary>
    public abstract IDictionary<object, object?> Items { get; }

    /// <summary>Sends the response headers now, with this metadata; at most once, before the first message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);

    /// <summary>The underlying HTTP context, for what the gRPC surface does not cover.</summary>
    public abstract HttpContext GetHttpContext();
}
