using System.Diagnostics;
using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Interop;

namespace CustodySettle.Grpc.Tests.Client;

public sealed class GrpcCallOptionsTests(EchoServerFixture fixture) : IClassFixture<EchoServerFixture>
{
    [Fact]
    public async Task Deadline_SleepOutlastsIt_ThrowsDeadlineExceededAndServerObservesCancellation()
    {
        using var channel = fixture.CreateChannel();
        var tag = Guid.NewGuid().ToString();
        var clock = Stopwatch.StartNew();

        // 1 s, not less: on a loaded 2-core machine a shorter deadline can pass before Kestrel even
        // dispatches the handler, and then there is no handler to observe.
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            EchoMethods.Sleep, new SleepRequest { DurationMs = 10_000, Tag = tag }, Deadline(TimeSpan.FromSeconds(1))));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(8));
        var observed = await channel.ObserveAsync(tag);
        Assert.True(observed.Cancelled);
        Assert.True(observed.Finished);
    }

    [Fact]
    public async Task Deadline_SentAsGrpcTimeout_ServerReceivesIt()
    {
        using var channel = fixture.CreateChannel();
        var id = Guid.NewGuid().ToString();

        await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest(), new GrpcCallOptions(
            new Metadata().Add("x-test-id", id), TimeProvider.System.GetUtcNow().AddSeconds(30)));

        var sent = fixture.Recorder.Get(id)["grpc-timeout"];
        Assert.True(Grpc.Internal.GrpcProtocolHelpers.TryParseTimeout(sent, out var timeout));
        Assert.InRange(timeout, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Deadline_AlreadyPassed_ThrowsDeadlineExceededWithoutSending()
    {
        using var channel = fixture.CreateChannel();
        var id = Guid.NewGuid().ToString();

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest(), new GrpcCallOptions(
            new Metadata().Add("x-test-id", id), TimeProvider.System.GetUtcNow().AddSeconds(-1))));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest());
        Assert.False(fixture.Recorder.Contains(id));
    }

    [Fact]
    public async Task CancellationToken_CancelledDuringSleep_ThrowsCancelledAndServerObservesIt()
    {
        using var channel = fixture.CreateChannel();
        var tag = Guid.NewGuid().ToString();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            EchoMethods.Sleep, new SleepRequest { DurationMs = 10_000, Tag = tag }, new GrpcCallOptions(CancellationToken: cts.Token)));

        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        var observed = await channel.ObserveAsync(tag);
        Assert.True(observed.Cancelled);
    }

    [Fact]
    public async Task Headers_BinaryValue_SentUnpaddedBase64()
    {
        using var channel = fixture.CreateChannel();
        var id = Guid.NewGuid().ToString();

        await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest(), new GrpcCallOptions(
            new Metadata().Add("x-test-id", id).Add("x-raw-bin", [0xFF, 0x00, 0x10, 0x20])));

        Assert.Equal("/wAQIA", fixture.Recorder.Get(id)["x-raw-bin"]);
    }

    [Fact]
    public async Task Headers_ReservedKey_ThrowsArgumentException()
    {
        using var channel = fixture.CreateChannel();

        await Assert.ThrowsAsync<ArgumentException>(() => channel.UnaryAsync(
            EchoMethods.Unary, new EchoRequest(), new GrpcCallOptions(new Metadata().Add("grpc-timeout", "1S"))));
    }

    private static GrpcCallOptions Deadline(TimeSpan fromNow) => new(Deadline: TimeProvider.System.GetUtcNow() + fromNow);
}
