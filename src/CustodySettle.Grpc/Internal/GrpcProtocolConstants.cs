namespace CustodySettle.Grpc.Internal;

/// <summary>Names and values from grpc/grpc doc/PROTOCOL-HTTP2.md.</summary>
internal static class GrpcProtocolConstants
{
    public const string ContentType = "application/grpc";
    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string UserAgentHeader = "user-agent";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";

    /// <summary>What this implementation decodes, as sent in <c>grpc-accept-encoding</c>.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>Length-prefixed message: 1 byte compressed flag, 4 bytes big-endian length.</summary>
    public const int MessageHeaderSize = 5;

    /// <summary>Default receive limit (4 MiB), as in every gRPC implementation.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>HTTP/2 RST_STREAM error code CANCEL (RFC 9113 section 7).</summary>
    public const int Http2CancelErrorCode = 0x8;

    /// <summary>The message sent with UNKNOWN for a handler's unexpected exception (text never leaks).</summary>
    public const string GenericHandlerError = "Exception was thrown by handler.";
}
