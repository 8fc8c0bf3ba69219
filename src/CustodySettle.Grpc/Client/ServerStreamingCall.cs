using CustodySettle.Grpc.Client.Internal;
using Google.Protobuf;

namespace CustodySettle.Grpc.Client;

/// <summary>A server-streaming call in progress. Dispose it: disposing a call still running cancels it.</summary>
public sealed class ServerStreamingCall<TResponse> : IDisposable
    where TResponse : IMessage<TResponse>
{
    private readonly GrpcCall<TResponse> _call;

    internal ServerStreamingCall(GrpcCall<TResponse> call)
    {
        _call = call;
        ResponseStream = new ResponseStreamReader<TResponse>(call);
    }

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
