namespace CustodySettle.Grpc;

/// <summary>Transport settings for the gRPC server.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted, in bytes (after decompression). Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = Internal.GrpcProtocolConstants.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent, in bytes; null for no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// Compress response messages with gzip when the client accepts it. Off by default: on loopback and
    /// for small messages it costs more CPU than it saves.
    /// </summary>
    public bool CompressResponses { get; set; }
}
