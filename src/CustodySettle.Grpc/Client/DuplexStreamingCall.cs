using CustodySettle.Grpc.Client.Internal;
using Google.Protobuf;

namespace CustodySettle.Grpc.Client;

/// <summary>A duplex-streaming call in progress. Dispose it: disposing a call still running cancels it.</summary>
public sealed class DuplexStreamingCall<TRequest, TResponse> : IDisposable
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly GrpcCall<TResponse> _call;

    internal DuplexStreamingCall(GrpcCall<TResponse> call)
    {
        _call = call;
        RequestStream = new ClientStreamWriter<TRequest, TResponse>(call);
        ResponseStream = new ResponseStreamReader<TResponse>(call);
    }

    /// <summary>The request messages; <see cref="IClientStreamWriter{T}.CompleteAsync"/> half-closes.</summary>
    public IClientStreamWriter<TRequest> RequestStream { get; }

    /// <summary>The response messages; reading past the last one ends with the status (an exception unless OK).</summary>
    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    /// <summary>The response headers; faults with <see cref="RpcException"/> if the call ended before any response.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync;

    /// <summary>The final status; only once the call is over.</summary>
    /// <exception cref="InvalidOperationException">The call is still in progress.</exception>
    public Status GetStatus() => _call.GetStatus();

    /// <summary>The trailers; only once the call is over.</summary>
    /// <exception cref="InvalidOperationException">The call is still in progress.</exception>
    public Metadata GetTrailers() => _call.GetTrailers();

    public void Dispose() => _call.Dispose();
}
