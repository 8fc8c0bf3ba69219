using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Grpc;
using CustodySettle.Testing.Interop;
using Google.Protobuf;

namespace CustodySettle.Grpc.Tests.Client;

public sealed class GrpcClientOptionsTests(EchoServerFixture fixture) : IClassFixture<EchoServerFixture>
{
    private const int FourMiB = 4 * 1024 * 1024;

    [Fact]
    public async Task MaxReceiveMessageSize_Default_RequestOfFourMiBPlusOneRefusedByServer()
    {
        using var channel = fixture.CreateChannel();
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[FourMiB - 4]) };
        Assert.Equal(FourMiB + 1, request.CalculateSize());

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, request));

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        var after = await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "still usable" });
        Assert.Equal("still usable", after.Message);
    }

    [Fact]
    public async Task MaxReceiveMessageSize_Default_ResponseOfFourMiBPlusOneThrowsResourceExhausted()
    {
        using var channel = fixture.CreateChannel();

        // Reply: field 2 tag (1 byte) + length varint (4 bytes) + payload = 4 MiB + 1.
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { ReplyPayloadSize = FourMiB - 4 }));

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task MaxReceiveMessageSize_Set_LargerResponseThrowsResourceExhaustedSmallerPasses()
    {
        using var channel = fixture.CreateChannel(new GrpcClientOptions { MaxReceiveMessageSize = 64 * 1024 });

        var fits = await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { ReplyPayloadSize = 60 * 1024 });
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { ReplyPayloadSize = 65 * 1024 }));

        Assert.Equal(60 * 1024, fits.Payload.Length);
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Contains("maximum", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxSendMessageSize_Exceeded_ThrowsResourceExhaustedWithoutSending()
    {
        using var channel = fixture.CreateChannel(new GrpcClientOptions { MaxSendMessageSize = 100 });
        var id = Guid.NewGuid().ToString();

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            EchoMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[200]) }, new GrpcCallOptions(new Metadata().Add("x-test-id", id))));

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.False(fixture.Recorder.Contains(id));
    }

    [Fact]
    public async Task DefaultMetadata_Set_SentWithEveryCallBeforeCallMetadata()
    {
        var defaults = new Metadata().Add("authorization", "Bearer token-1").Add("x-echo-default", "d");
        using var channel = fixture.CreateChannel(new GrpcClientOptions { DefaultMetadata = defaults });
        var id = Guid.NewGuid().ToString();

        var result = await channel.UnaryWithMetadataAsync(EchoMethods.Unary, new EchoRequest(), new GrpcCallOptions(new Metadata().Add("x-test-id", id)));

        Assert.Equal("Bearer token-1", fixture.Recorder.Get(id)["authorization"]);
        Assert.Equal("d", result.Trailers.GetValue("x-echo-default"));
    }

    [Fact]
    public void DefaultMetadata_ReservedKey_ThrowsArgumentException()
    {
        var options = new GrpcClientOptions { DefaultMetadata = new Metadata().Add("te", "trailers") };

        Assert.Throws<ArgumentException>(() => fixture.CreateChannel(options));
    }

    [Fact]
    public async Task CompressRequests_True_ServerAcceptsGzipMessages()
    {
        using var channel = fixture.CreateChannel(new GrpcClientOptions { CompressRequests = true });
        var id = Guid.NewGuid().ToString();
        var payload = ByteString.CopyFrom(Enumerable.Range(0, 100_000).Select(i => (byte)(i % 7)).ToArray());

        var reply = await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "zipped", Payload = payload }, new GrpcCallOptions(new Metadata().Add("x-test-id", id)));

        Assert.Equal("zipped", reply.Message);
        Assert.Equal(payload, reply.Payload);
        Assert.Equal("gzip", fixture.Recorder.Get(id)["grpc-encoding"]);
    }

    [Fact]
    public async Task CompressRequests_ClientStream_ServerAcceptsGzipMessages()
    {
        using var channel = fixture.CreateChannel(new GrpcClientOptions { CompressRequests = true });
        using var call = channel.ClientStreaming(EchoMethods.ClientStream);

        await call.RequestStream.WriteAsync(new EchoRequest { Message = "a" }, CancellationToken.None);
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "b" }, CancellationToken.None);
        await call.RequestStream.CompleteAsync();

        Assert.Equal("a,b", (await call.ResponseAsync).Message);
    }

    [Fact]
    public async Task GzipResponses_ServerCompresses_ClientDecodes()
    {
        await using var server = await TestGrpcServer.StartAsync(options: o => o.CompressResponses = true);
        using var channel = new GrpcClientChannel(server.Address);

        var reply = await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "zipped back", ReplyPayloadSize = 50_000 });
        using var stream = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 3, PayloadSize = 10, Tag = Guid.NewGuid().ToString() });
        var sequences = await stream.ResponseStream.ReadAllAsync().Select(r => r.Sequence).ToListAsync();

        Assert.Equal("zipped back", reply.Message);
        Assert.Equal(50_000, reply.Payload.Length);
        Assert.Equal([0L, 1L, 2L], sequences);
    }
}
