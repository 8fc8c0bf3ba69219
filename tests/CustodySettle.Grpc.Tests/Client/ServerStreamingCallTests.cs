using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Interop;

namespace CustodySettle.Grpc.Tests.Client;

public sealed class ServerStreamingCallTests(EchoServerFixture fixture) : IClassFixture<EchoServerFixture>
{
    [Fact]
    public async Task ResponseStream_TenThousandMessagesReadSlowly_ArriveCompleteAndInOrder()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 10_000, PayloadSize = 512, Tag = Guid.NewGuid().ToString() });

        var expected = 0L;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            Assert.Equal(expected++, call.ResponseStream.Current.Sequence);
            Assert.Equal(512, call.ResponseStream.Current.Payload.Length);
            if (expected % 1000 == 0)
            {
                // A slow reader: HTTP/2 flow control must hold the server back, not lose messages.
                await Task.Delay(100);
            }
        }

        Assert.Equal(10_000, expected);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task ResponseStream_CancelledMidway_ThrowsCancelledAndServerStopsProducing()
    {
        using var channel = fixture.CreateChannel();
        var tag = Guid.NewGuid().ToString();
        using var cts = new CancellationTokenSource();
        using var call = channel.ServerStreaming(
            EchoMethods.ServerStream, new StreamRequest { Count = 1000, IntervalMs = 20, Tag = tag }, new GrpcCallOptions(CancellationToken: cts.Token));

        for (var i = 0; i < 5; i++)
        {
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        }

        await cts.CancelAsync();
        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().Code);
        var observed = await channel.ObserveAsync(tag);
        Assert.True(observed.Cancelled);
        Assert.True(observed.Finished);
        Assert.InRange(observed.MessagesSent, 5, 20);
    }

    [Fact]
    public async Task Dispose_WhileServerStillSending_ResetsTheStream()
    {
        using var channel = fixture.CreateChannel();
        var tag = Guid.NewGuid().ToString();
        var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 1000, IntervalMs = 20, Tag = tag });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        call.Dispose();

        var observed = await channel.ObserveAsync(tag);
        Assert.True(observed.Cancelled);
        Assert.InRange(observed.MessagesSent, 1, 20);
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task ResponseStream_MessageOverReceiveLimit_ThrowsResourceExhaustedAndResetsTheStream()
    {
        using var channel = fixture.CreateChannel(new GrpcClientOptions { MaxReceiveMessageSize = 64 * 1024 });
        var tag = Guid.NewGuid().ToString();
        using var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 1000, IntervalMs = 20, PayloadSize = 100 * 1024, Tag = tag });

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        var observed = await channel.ObserveAsync(tag);
        Assert.True(observed.Cancelled);

        // The first write may still wait on flow control when the reset arrives: it then never counts.
        Assert.InRange(observed.MessagesSent, 0, 20);
    }

    [Fact]
    public async Task Deadline_PassesWhileNobodyReads_ResetsTheStream()
    {
        using var channel = fixture.CreateChannel();
        var tag = Guid.NewGuid().ToString();
        using var call = channel.ServerStreaming(
            EchoMethods.ServerStream,
            new StreamRequest { Count = 1000, IntervalMs = 20, Tag = tag },
            new GrpcCallOptions(Deadline: TimeProvider.System.GetUtcNow().AddMilliseconds(300)));

        var observed = await channel.ObserveAsync(tag);

        Assert.True(observed.Cancelled);
        Assert.InRange(observed.MessagesSent, 1, 40);
        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().Code);
    }

    [Fact]
    public async Task MoveNext_TokenCancelled_CancelsTheCall()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 10, IntervalMs = 5_000, Tag = Guid.NewGuid().ToString() });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(cts.Token));

        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
    }

    [Fact]
    public async Task GetStatus_BeforeTheEnd_ThrowsInvalidOperation()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 2, Tag = Guid.NewGuid().ToString() });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
    }

    [Fact]
    public async Task ResponseStream_ZeroMessages_EndsWithOk()
    {
        using var channel = fixture.CreateChannel();
        using var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 0, Tag = Guid.NewGuid().ToString() });

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
        Assert.NotNull(await call.ResponseHeadersAsync);
    }

    [Fact]
    public async Task ResponseHeadersAsync_ConnectionRefused_ThrowsUnavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = new GrpcClientChannel(new Uri($"http://127.0.0.1:{port}"));
        using var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 1 });

        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync);

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
    }
}
