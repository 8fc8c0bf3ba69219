using System.Net;
using System.Net.Http.Headers;
using CustodySettle.Grpc.Client.Internal;

namespace CustodySettle.Grpc.Tests.Client.Internal;

public sealed class ClientStatusMappingTests
{
    private static readonly Uri Address = new("http://127.0.0.1:5000/");

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(418, StatusCode.Unknown)]
    [InlineData(302, StatusCode.Unknown)]
    public void FromHttpStatus_KnownVectors_MapsPerHttpGrpcStatusMapping(int httpStatus, StatusCode expected)
    {
        var status = ClientStatusMapping.FromHttpStatus(httpStatus);

        Assert.Equal(expected, status.Code);
        Assert.Contains($"HTTP {httpStatus}", status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0, StatusCode.Internal)]
    [InlineData(0x1, StatusCode.Internal)]
    [InlineData(0x2, StatusCode.Internal)]
    [InlineData(0x3, StatusCode.Internal)]
    [InlineData(0x7, StatusCode.Unavailable)]
    [InlineData(0x8, StatusCode.Cancelled)]
    [InlineData(0xb, StatusCode.ResourceExhausted)]
    [InlineData(0xc, StatusCode.PermissionDenied)]
    [InlineData(0xd, StatusCode.Internal)]
    public void FromHttp2ErrorCode_KnownVectors_MapsPerProtocolHttp2Errors(long errorCode, StatusCode expected) =>
        Assert.Equal(expected, ClientStatusMapping.FromHttp2ErrorCode(errorCode));

    [Theory]
    [InlineData(503, "8", "busy", StatusCode.ResourceExhausted, "busy")]
    [InlineData(200, "12", "Method is unimplemented: /a.B/C", StatusCode.Unimplemented, "Method is unimplemented: /a.B/C")]
    [InlineData(415, "13", null, StatusCode.Internal, "")]
    [InlineData(200, "0", null, StatusCode.OK, "")]
    public void FromResponseHeaders_GrpcStatusInHeaders_WinsOverHttpStatus(int httpStatus, string code, string? message, StatusCode expected, string detail)
    {
        using var response = Response(httpStatus, "text/plain");
        response.Headers.TryAddWithoutValidation("grpc-status", code);
        if (message is not null)
        {
            response.Headers.TryAddWithoutValidation("grpc-message", message);
        }

        Assert.Equal(new Status(expected, detail), ClientStatusMapping.FromResponseHeaders(response));
    }

    [Theory]
    [InlineData(200, "application/grpc", null)]
    [InlineData(200, "application/grpc+proto", null)]
    [InlineData(200, "application/grpc; charset=utf-8", null)]
    [InlineData(200, "text/html", StatusCode.Internal)]
    [InlineData(200, "application/grpcx", StatusCode.Internal)]
    [InlineData(200, null, StatusCode.Internal)]
    [InlineData(503, "text/plain", StatusCode.Unavailable)]
    [InlineData(401, "application/grpc", StatusCode.Unauthenticated)]
    public void FromResponseHeaders_NoGrpcStatus_ChecksHttpStatusThenContentType(int httpStatus, string? contentType, StatusCode? expected) =>
        Assert.Equal(expected, ClientStatusMapping.FromResponseHeaders(Response(httpStatus, contentType))?.Code);

    [Fact]
    public void FromResponseHeaders_Http11_IsInternal()
    {
        using var response = Response(200, "application/grpc");
        response.Version = HttpVersion.Version11;

        Assert.Equal(StatusCode.Internal, ClientStatusMapping.FromResponseHeaders(response)?.Code);
    }

    [Theory]
    [InlineData("0", null, StatusCode.OK, "")]
    [InlineData("5", "not%20found%3A%20%C3%A9t%C3%A9 100%25", StatusCode.NotFound, "not found: été 100%")]
    [InlineData("16", "%F0%9F%98%80", StatusCode.Unauthenticated, "\U0001F600")]
    [InlineData("99", "x", StatusCode.Unknown, "x")]
    [InlineData("abc", null, StatusCode.Unknown, "")]
    [InlineData("-1", null, StatusCode.Unknown, "")]
    public void FromTrailers_StatusAndMessage_ParsedAndPercentDecoded(string code, string? message, StatusCode expected, string detail)
    {
        var trailers = Trailers();
        trailers.TryAddWithoutValidation("grpc-status", code);
        if (message is not null)
        {
            trailers.TryAddWithoutValidation("grpc-message", message);
        }

        Assert.Equal(new Status(expected, detail), ClientStatusMapping.FromTrailers(trailers));
    }

    [Fact]
    public void FromTrailers_NoGrpcStatus_IsInternal() =>
        Assert.Equal(StatusCode.Internal, ClientStatusMapping.FromTrailers(Trailers()).Code);

    [Fact]
    public void FromException_ConnectionRefused_IsUnavailableNamingTheServer()
    {
        var e = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:5000)");

        var status = ClientStatusMapping.FromException(e, Address);

        Assert.Equal(StatusCode.Unavailable, status.Code);
        Assert.Equal("Cannot reach http://127.0.0.1:5000: Connection refused (127.0.0.1:5000)", status.Detail);
    }

    [Theory]
    [InlineData(0x8, StatusCode.Cancelled)]
    [InlineData(0x7, StatusCode.Unavailable)]
    [InlineData(0x1, StatusCode.Internal)]
    public void FromException_StreamReset_MapsItsErrorCode(long errorCode, StatusCode expected)
    {
        var reset = new HttpProtocolException(errorCode, "reset", null);

        Assert.Equal(expected, ClientStatusMapping.FromException(reset, Address).Code);
        Assert.Equal(expected, ClientStatusMapping.FromException(new HttpRequestException("failed", reset), Address).Code);
    }

    [Fact]
    public void FromException_OtherFailures_MapToStatuses()
    {
        Assert.Equal(StatusCode.Unavailable, ClientStatusMapping.FromException(new IOException("broken pipe"), Address).Code);
        Assert.Equal(StatusCode.Cancelled, ClientStatusMapping.FromException(new OperationCanceledException(), Address).Code);
        Assert.Equal(StatusCode.DataLoss, ClientStatusMapping.FromException(new RpcException(StatusCode.DataLoss, "x"), Address).Code);
        Assert.False(ClientStatusMapping.IsCallFailure(new InvalidCastException()));
    }

    private static HttpResponseMessage Response(int httpStatus, string? contentType)
    {
        var response = new HttpResponseMessage((HttpStatusCode)httpStatus) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) };
        if (contentType is not null)
        {
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return response;
    }

    private static HttpResponseHeaders Trailers() => new HttpResponseMessage().TrailingHeaders;
}
