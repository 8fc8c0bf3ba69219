using CustodySettle.Grpc.Client.Internal;
using Google.Protobuf;

namespace CustodySettle.Grpc.Client;

/// <summary>A client-streaming call in progress. Dispose it: disposing a call still running cancels it.</summary>
public sealed class ClientStreamingCall<TRequest, TResponse> : IDisposable
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly GrpcCall<TResponse> _call;

    internal ClientStreamingCall(GrpcCall<TResponse> call)
    {
        _call = call;
        RequestStream = new ClientStreamWriter<TRequest, TResponse>(call);

        // Read from the start, so a status the server sends early ends the call (and fails writes) at once.
        ResponseAsync = call.ReadSingleResponseAsync();
        ResponseAsync.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>Write the request messages, then <see cref="IClientStreamWriter{T}.CompleteAsync"/>.</summary>
    public IClientStreamWriter<TRequest> RequestStream { get; }

    /// <summary>The response; faults with <see cref="RpcException"/> unless the call ends with OK.</summary>
    public Task<TResponse> ResponseAsync { get; }

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
