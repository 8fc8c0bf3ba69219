namespace CustodySettle.Grpc.Client;

/// <summary>Settings of a <see cref="GrpcClientChannel"/>, read once when it is created.</summary>
public sealed class GrpcClientOptions
{
    /// <summary>
    /// Largest response message accepted, in bytes (after decompression). Default 4 MiB. A larger one
    /// ends the call with RESOURCE_EXHAUSTED, decided from its length prefix before it is buffered.
    /// </summary>
    public int MaxReceiveMessageSize { get; set; } = Grpc.Internal.GrpcProtocolConstants.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent, in bytes; null for no limit. A larger one is RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Metadata sent with every call, before the call's own (for example <c>authorization: Bearer ...</c>).</summary>
    public Metadata? DefaultMetadata { get; set; }

    /// <summary>Send request messages gzip-compressed (<c>grpc-encoding: gzip</c>). Off by default.</summary>
    public bool CompressRequests { get; set; }

    /// <summary>The clock deadlines are measured with.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
