using System.Net;
using System.Net.Sockets;
using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Interop;
using Google.Protobuf;

namespace CustodySettle.Grpc.Tests.Client;

public sealed class GrpcClientChannelTests(EchoServerFixture fixture) : IClassFixture<EchoServerFixture>
{
    // Non-ASCII, '%' and a control character: all percent-encoded on the wire (GRPC-WIRE.md rule 9).
    private const string Detail = "échec: 50% 日本 \U0001F600 tab\tend";

    public static TheoryData<int> ErrorCodes => [.. Enumerable.Range(1, 16)];

    [Fact]
    public async Task UnaryAsync_EchoRequest_ReturnsMessageAndPayload()
    {
        using var channel = fixture.CreateChannel();

        var reply = await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "hello", Payload = ByteString.CopyFrom(1, 2, 3) });

        Assert.Equal("hello", reply.Message);
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.Payload.ToByteArray());
    }

    [Fact]
    public async Task UnaryAsync_ManyConcurrentCalls_AllSucceed()
    {
        using var channel = fixture.CreateChannel();

        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = $"m{i}" })));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"m{i}"), replies.Select(r => r.Message));
    }

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public async Task UnaryAsync_ServerFailsTrailersOnly_ThrowsCodeAndDecodedMessage(int code)
    {
        using var channel = fixture.CreateChannel();

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { StatusCode = code, StatusMessage = Detail }));

        Assert.Equal((StatusCode)code, e.StatusCode);
        Assert.Equal(Detail, e.Status.Detail);
    }

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public async Task UnaryAsync_ServerFailsAfterHeaders_ThrowsCodeMessageAndTrailers(int code)
    {
        using var channel = fixture.CreateChannel();
        var headers = new Metadata().Add("x-echo-k", "v");

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            EchoMethods.Unary, new EchoRequest { StatusCode = code, StatusMessage = Detail }, new GrpcCallOptions(headers)));

        Assert.Equal((StatusCode)code, e.StatusCode);
        Assert.Equal(Detail, e.Status.Detail);
        Assert.Equal("v", e.Trailers.GetValue("x-echo-k"));
    }

    [Fact]
    public async Task UnaryWithMetadataAsync_EchoHeaders_ReturnsHeadersAndTrailers()
    {
        using var channel = fixture.CreateChannel();
        var headers = new Metadata().Add("x-echo-text", "plain value").Add("x-echo-data-bin", [0, 1, 254, 255, 42]).Add("x-other", "kept here");

        var result = await channel.UnaryWithMetadataAsync(EchoMethods.Unary, new EchoRequest { Message = "m" }, new GrpcCallOptions(headers));

        Assert.Equal("m", result.Response.Message);
        foreach (var received in new[] { result.Headers, result.Trailers })
        {
            Assert.Equal("plain value", received.GetValue("x-echo-text"));
            Assert.Equal(new byte[] { 0, 1, 254, 255, 42 }, received.Get("x-echo-data-bin")!.ValueBytes);
            Assert.Null(received.Get("x-other"));
            Assert.DoesNotContain(received, e => e.Key.StartsWith("grpc-", StringComparison.Ordinal) || e.Key == "content-type");
        }
    }

    [Theory]
    [InlineData("/custodysettle.testing.v1.Echo/Missing", "Method is unimplemented")]
    [InlineData("/custodysettle.testing.v1.Nothing/Unary", "Service is unimplemented")]
    public async Task UnaryAsync_UnknownMethodOrService_ThrowsUnimplemented(string path, string detail)
    {
        using var channel = fixture.CreateChannel();
        var method = new GrpcMethod<EchoRequest, EchoReply>(path, false, false, EchoReply.Parser);

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new EchoRequest()));

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        Assert.StartsWith(detail, e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryAsync_ConnectionRefused_ThrowsUnavailableWithReadableMessage()
    {
        var port = UnusedPort();
        using var channel = new GrpcClientChannel(new Uri($"http://127.0.0.1:{port}"));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Contains($"127.0.0.1:{port}", e.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("refused", e.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerStreaming_UnaryMethod_ThrowsArgumentException()
    {
        using var channel = fixture.CreateChannel();

        var e = Assert.Throws<ArgumentException>(() => channel.ServerStreaming(EchoMethods.Unary, new EchoRequest()));

        Assert.Contains("is unary", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:1")]
    [InlineData("/relative")]
    public void Constructor_NotHttpAddress_ThrowsArgumentException(string address)
    {
        Assert.Throws<ArgumentException>(() => new GrpcClientChannel(new Uri(address, UriKind.RelativeOrAbsolute)));
    }

    [Fact]
    public async Task UnaryAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var channel = fixture.CreateChannel();
        channel.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
