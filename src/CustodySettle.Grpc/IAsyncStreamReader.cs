namespace CustodySettle.Grpc;

/// <summary>Reads the messages of a client stream (server side) or a server stream (client side).</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message the last successful <see cref="MoveNext"/> read.</summary>
    T Current { get; }

    /// <summary>Reads the next message; false when the other side half-closed.</summary>
    Task<bool> MoveNext(CancellationToken cancellationToken);
}
