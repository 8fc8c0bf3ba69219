using System.Net;
using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Interop;

namespace CustodySettle.Grpc.Tests.Client.Internal;

/// <summary>The call against servers that break the protocol, played by a stub handler.</summary>
public sealed class GrpcCallTests
{
    private static readonly byte[] OneReply = StubHttpHandler.Frame(new EchoReply { Message = "r" });

    [Fact]
    public async Task UnaryAsync_Request_CarriesTheProtocolHeaders()
    {
        var stub = new StubHttpHandler(_ => StubHttpHandler.GrpcResponse(OneReply, "0"));
        using var channel = Channel(stub, new Uri("http://example.test:81/prefix"));

        await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest(), new GrpcCallOptions(Deadline: TimeProvider.System.GetUtcNow().AddMinutes(1)));

        var request = stub.LastRequest!;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://example.test:81/prefix/custodysettle.testing.v1.Echo/Unary", request.RequestUri!.ToString());
        Assert.Equal(HttpVersion.Version20, request.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, request.VersionPolicy);
        Assert.Equal("trailers", request.Headers.TE.ToString());
        Assert.Equal("application/grpc", request.Content!.Headers.ContentType!.ToString());
        Assert.StartsWith("grpc-csharp-custodysettle/", request.Headers.UserAgent.ToString(), StringComparison.Ordinal);
        Assert.Equal("identity,gzip", string.Join(',', request.Headers.GetValues("grpc-accept-encoding")));
        Assert.Matches("^[0-9]{1,8}[mu]$", request.Headers.GetValues("grpc-timeout").Single());
    }

    [Fact]
    public async Task UnaryAsync_NoStatusTrailer_ThrowsInternal()
    {
        using var channel = Channel(new StubHttpHandler(_ => StubHttpHandler.GrpcResponse(OneReply, grpcStatus: null)));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.Contains("grpc-status", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryAsync_OkWithoutMessage_ThrowsInternal()
    {
        using var channel = Channel(new StubHttpHandler(_ => StubHttpHandler.GrpcResponse([], "0")));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_TwoMessages_ThrowsInternal()
    {
        using var channel = Channel(new StubHttpHandler(_ => StubHttpHandler.GrpcResponse([.. OneReply, .. OneReply], "0")));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_TruncatedMessage_ThrowsInternal()
    {
        using var channel = Channel(new StubHttpHandler(_ => StubHttpHandler.GrpcResponse(OneReply[..^1], "0")));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_CompressedFlagWithoutEncoding_ThrowsInternal()
    {
        var body = StubHttpHandler.Frame(new EchoReply { Message = "r" }, flag: 1);
        using var channel = Channel(new StubHttpHandler(_ => StubHttpHandler.GrpcResponse(body, "0")));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_WrongContentType_ThrowsInternal()
    {
        using var channel = Channel(new StubHttpHandler(_ => StubHttpHandler.GrpcResponse(OneReply, "0", "text/html")));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.Contains("text/html", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryAsync_ProxyAnswers503_ThrowsUnavailable()
    {
        using var channel = Channel(new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Version = HttpVersion.Version20,
            Content = new StringContent("upstream down"),
        }));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Contains("503", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryAsync_TrailersOnly_StatusAndMetadataFromHeaders()
    {
        using var channel = Channel(new StubHttpHandler(_ =>
        {
            var response = StubHttpHandler.GrpcResponse([], grpcStatus: null);
            response.Headers.TryAddWithoutValidation("grpc-status", "7");
            response.Headers.TryAddWithoutValidation("grpc-message", "no%20entry");
            response.Headers.TryAddWithoutValidation("x-reason-bin", "AAEC");
            return response;
        }));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));

        Assert.Equal(new Status(StatusCode.PermissionDenied, "no entry"), e.Status);
        Assert.Equal(new byte[] { 0, 1, 2 }, e.Trailers.Get("x-reason-bin")!.ValueBytes);
        Assert.Null(e.Trailers.Get("grpc-status"));
    }

    private static GrpcClientChannel Channel(StubHttpHandler stub, Uri? address = null) =>
        new(address ?? new Uri("http://example.test"), new GrpcClientOptions(), stub);
}
