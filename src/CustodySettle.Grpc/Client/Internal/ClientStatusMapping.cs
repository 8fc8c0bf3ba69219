using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CustodySettle.Grpc.Internal;

namespace CustodySettle.Grpc.Client.Internal;

/// <summary>
/// What a client concludes from a response or a failure. The messages are written for people (the CLI
/// shows them as they are): they name the server and the cause, never a stack trace.
/// </summary>
internal static class ClientStatusMapping
{
    /// <summary>HTTP/2 error codes (RFC 9113 section 7) that PROTOCOL-HTTP2.md, "Errors", maps to a status other than INTERNAL.</summary>
    private const long Http2RefusedStream = 0x7;
    private const long Http2Cancel = 0x8;
    private const long Http2EnhanceYourCalm = 0xb;
    private const long Http2InadequateSecurity = 0xc;

    /// <summary>
    /// The status the response headers settle, or null when the call goes on to its messages and trailers.
    /// </summary>
    public static Status? FromResponseHeaders(HttpResponseMessage response)
    {
        // A grpc-status among the headers must be used, whatever the HTTP status
        // (http-grpc-status-mapping.md); with 200 it is a Trailers-Only response (PROTOCOL-HTTP2.md).
        if (TryGetStatus(response.Headers, out var status))
        {
            return status;
        }

        if (response.Version < HttpVersion.Version20)
        {
            return new Status(StatusCode.Internal, $"The server answered with HTTP/{response.Version}: gRPC requires HTTP/2.");
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return FromHttpStatus((int)response.StatusCode);
        }

        var contentType = HttpHeadersMetadata.GetValue(response.Content.Headers, "content-type");
        if (!GrpcProtocolHelpers.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Internal, contentType is null
                ? "The response has no content-type: it is not a gRPC response."
                : $"The response content-type '{contentType}' is not application/grpc: it is not a gRPC response.");
        }

        return null;
    }

    /// <summary>
    /// The status in the trailers. Without grpc-status the server broke the protocol: INTERNAL
    /// (grpc-dotnet reports CANCELLED here, which would blame the caller).
    /// </summary>
    public static Status FromTrailers(HttpHeaders trailers) =>
        TryGetStatus(trailers, out var status)
            ? status
            : new Status(StatusCode.Internal, "The server ended the response without a grpc-status trailer.");

    /// <summary>A response without grpc-status, by its HTTP status (grpc/grpc doc/http-grpc-status-mapping.md).</summary>
    public static Status FromHttpStatus(int httpStatus)
    {
        var code = httpStatus switch
        {
            400 => StatusCode.Internal,
            401 => StatusCode.Unauthenticated,
            403 => StatusCode.PermissionDenied,
            404 => StatusCode.Unimplemented,
            429 or 502 or 503 or 504 => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        var reason = Enum.IsDefined((HttpStatusCode)httpStatus) ? $" ({(HttpStatusCode)httpStatus})" : string.Empty;
        return new Status(code, $"The server answered HTTP {httpStatus}{reason} without a gRPC status.");
    }

    /// <summary>An HTTP/2 stream or connection error, by PROTOCOL-HTTP2.md's table "Errors".</summary>
    public static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        Http2RefusedStream => StatusCode.Unavailable,
        Http2Cancel => StatusCode.Cancelled,
        Http2EnhanceYourCalm => StatusCode.ResourceExhausted,
        Http2InadequateSecurity => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };

    /// <summary>The failures a call turns into a status; anything else is a bug and propagates.</summary>
    public static bool IsCallFailure(Exception e) =>
        e is RpcException or HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException;

    /// <summary>The status for a failure of the call to <paramref name="address"/>.</summary>
    public static Status FromException(Exception e, Uri address) => e switch
    {
        RpcException rpc => rpc.Status,
        HttpProtocolException protocol => FromProtocolError(protocol, address),
        HttpRequestException { InnerException: HttpProtocolException protocol } => FromProtocolError(protocol, address),
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError, InnerException: { } inner } =>
            new Status(StatusCode.Unavailable, $"Cannot reach {Authority(address)}: the TLS handshake failed: {inner.Message}"),
        HttpRequestException request => new Status(StatusCode.Unavailable, $"Cannot reach {Authority(address)}: {request.Message}"),
        IOException io => new Status(StatusCode.Unavailable, $"The connection to {Authority(address)} failed: {io.Message}"),
        ObjectDisposedException => new Status(StatusCode.Cancelled, "The channel was disposed."),
        OperationCanceledException => new Status(StatusCode.Cancelled, "Call cancelled."),
        _ => new Status(StatusCode.Unknown, e.Message),
    };

    private static Status FromProtocolError(HttpProtocolException e, Uri address) =>
        new(FromHttp2ErrorCode(e.ErrorCode), $"HTTP/2 error from {Authority(address)} (code 0x{e.ErrorCode.ToString("x", CultureInfo.InvariantCulture)}): {e.Message}");

    private static string Authority(Uri address) => address.GetLeftPart(UriPartial.Authority);

    private static bool TryGetStatus(HttpHeaders headers, out Status status)
    {
        var code = HttpHeadersMetadata.GetValue(headers, GrpcProtocolConstants.StatusTrailer);
        if (code is null)
        {
            status = default;
            return false;
        }

        // A code outside 0-16 is UNKNOWN (statuscodes.md: unknown codes are treated as UNKNOWN).
        var parsed = GrpcProtocolHelpers.ParseStatusCode(code);
        var message = HttpHeadersMetadata.GetValue(headers, GrpcProtocolConstants.MessageTrailer);
        status = new Status(
            Enum.IsDefined(parsed) ? parsed : StatusCode.Unknown,
            message is null ? string.Empty : GrpcProtocolHelpers.PercentDecode(message));
        return true;
    }
}
