namespace CustodySettle.Grpc;

/// <summary>
/// A call ended with a non-OK status. Handlers throw it to answer with that status (its message is
/// sent to the client); clients receive it when the server answered so. Any other exception a handler
/// throws is answered with UNKNOWN and a generic message, never its text (../shared/GRPC-WIRE.md rule 10).
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException()
        : this(new Status(StatusCode.Unknown, string.Empty))
    {
    }

    public RpcException(string message)
        : this(new Status(StatusCode.Unknown, message))
    {
    }

    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new Status(StatusCode.Unknown, message);
        Trailers = new Metadata();
    }

    public RpcException(Status status, Metadata? trailers = null)
        : base(status.ToString())
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public RpcException(StatusCode code, string detail)
        : this(new Status(code, detail))
    {
    }

    /// <summary>The status the call ended with.</summary>
    public Status Status { get; }

    /// <summary>The status code, for pattern matching.</summary>
    public StatusCode StatusCode => Status.Code;

    /// <summary>Trailing metadata: sent by a handler with the status, or received by a client.</summary>
    public Metadata Trailers { get; }
}
