using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Interop;

namespace CustodySettle.Grpc.Tests.Client;

public sealed class ClientStreamingCallTests(EchoServerFixture fixture) : IClassFixture<EchoServerFixture>
{
    [Fact]
    public async Task ResponseAsync_ThreeMessagesThenComplete_ReturnsCountAndJoinedMessages()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.ClientStreaming(EchoMethods.ClientStream);

        foreach (var message in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = message }, CancellationToken.None);
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync;

        Assert.Equal(3, reply.Count);
        Assert.Equal("a,b,c", reply.Message);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task ResponseAsync_NoMessages_ReturnsZeroCount()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.ClientStreaming(EchoMethods.ClientStream);

        await call.RequestStream.CompleteAsync();

        Assert.Equal(0, (await call.ResponseAsync).Count);
    }

    [Fact]
    public async Task WriteAsync_AfterComplete_ThrowsInvalidOperation()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.ClientStreaming(EchoMethods.ClientStream);
        await call.RequestStream.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new EchoRequest(), CancellationToken.None));
        await call.ResponseAsync;
    }

    [Fact]
    public async Task WriteAsync_LargeMessagesUnderFlowControl_AllArrive()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.ClientStreaming(EchoMethods.ClientStream);
        var payload = Google.Protobuf.ByteString.CopyFrom(new byte[256 * 1024]);

        for (var i = 0; i < 40; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = $"{i}", Payload = payload }, CancellationToken.None);
        }

        await call.RequestStream.CompleteAsync();

        Assert.Equal(40, (await call.ResponseAsync).Count);
    }

    [Fact]
    public async Task ResponseAsync_Disposed_ThrowsCancelled()
    {
        using var channel = fixture.CreateChannel();
        var call = channel.ClientStreaming(EchoMethods.ClientStream);
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "a" }, CancellationToken.None);

        call.Dispose();

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
    }

    [Fact]
    public async Task WriteAsync_ServerRefusedTheCall_ThrowsItsStatus()
    {
        using var channel = fixture.CreateChannel();
        var method = new GrpcMethod<EchoRequest, EchoReply>("/custodysettle.testing.v1.Echo/NoStream", true, false, EchoReply.Parser);
        using var call = channel.ClientStreaming(method);
        var payload = Google.Protobuf.ByteString.CopyFrom(new byte[256 * 1024]);

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await call.RequestStream.WriteAsync(new EchoRequest { Payload = payload }, CancellationToken.None);
            }
        });

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, (await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync)).StatusCode);
    }
}
