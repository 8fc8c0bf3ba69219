namespace CustodySettle.Grpc;

/// <summary>Writes the messages of a stream. Writes must not overlap: await each before the next.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Sends one message; completes when flow control lets it go out.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken);
}
