using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Interop;

namespace CustodySettle.Grpc.Tests.Client;

public sealed class DuplexStreamingCallTests(EchoServerFixture fixture) : IClassFixture<EchoServerFixture>
{
    [Fact]
    public async Task PingPong_EachWriteAnsweredBeforeTheNext_RepliesInOrderThenOk()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.DuplexStreaming(EchoMethods.Duplex);

        for (var i = 0; i < 20; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = $"ping {i}" }, CancellationToken.None);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal($"ping {i}", call.ResponseStream.Current.Message);
            Assert.Equal(i, call.ResponseStream.Current.Sequence);
        }

        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
        Assert.NotNull(await call.ResponseHeadersAsync);
    }

    [Fact]
    public async Task ResponseStream_DeadlinePassesWhileIdle_ThrowsDeadlineExceeded()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.DuplexStreaming(EchoMethods.Duplex, new GrpcCallOptions(Deadline: TimeProvider.System.GetUtcNow().AddMilliseconds(300)));
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "one" }, CancellationToken.None);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        var write = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest(), CancellationToken.None));
        Assert.Equal(StatusCode.DeadlineExceeded, write.StatusCode);
    }

    [Fact]
    public async Task UnimplementedMethod_WritesAndReads_ReportUnimplemented()
    {
        using var channel = fixture.CreateChannel();
        var method = new GrpcMethod<EchoRequest, EchoReply>("/custodysettle.testing.v1.Echo/NoDuplex", true, true, EchoReply.Parser);
        using var call = channel.DuplexStreaming(method);

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        var write = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest(), CancellationToken.None));
        Assert.Equal(StatusCode.Unimplemented, write.StatusCode);
    }
}
