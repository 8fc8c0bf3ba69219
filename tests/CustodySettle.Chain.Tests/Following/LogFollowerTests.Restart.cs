using CustodySettle.Chain.Tests.Rpc;

namespace CustodySettle.Chain.Tests.Following;

public sealed partial class LogFollowerTests
{
    [Fact]
    public async Task RunAsync_StoppedMidwayAndANewFollowerStarted_NoLogMissedOrRepeated()
    {
        using var harness = await CreateHarnessAsync();
        await harness.Events.EachInOwnBlockAsync(100);
        await harness.Events.InOneBlockAsync(100);

        using (var first = harness.Follower(harness.Consumer(), o => o with { InitialBlockRange = 5, MaxBlockRange = 5 }))
        {
            using var stop = new CancellationTokenSource();
            var running = first.RunAsync(stop.Token);
            await harness.WaitForDerivedAsync(30, TimeSpan.FromSeconds(20));
            await stop.CancelAsync();
            await running;
        }

        var atStop = (await harness.DerivedAsync()).Count;
        using var second = harness.Follower(harness.Consumer());
        await FollowerHarness.PollUntilCaughtUpAsync(second);

        Assert.InRange(atStop, 30, 199);
        Assert.Equal(Enumerable.Range(0, 200), await harness.DerivedAsync());
    }

    [Fact]
    public async Task PollOnceAsync_ConsumerCrashesMidway_RestartResumesExactlyOnce()
    {
        using var harness = await CreateHarnessAsync();
        await harness.Events.EachInOwnBlockAsync(60);
        using var crashing = harness.Follower(harness.Consumer(failAfterBatches: 4), o => o with { InitialBlockRange = 5, MaxBlockRange = 5 });

        var crash = await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.PollOnceAsync(default));
        var afterCrash = await harness.DerivedAsync();
        using var restarted = harness.Follower(harness.Consumer());
        await FollowerHarness.PollUntilCaughtUpAsync(restarted);

        Assert.Contains("crashes", crash.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, afterCrash.Count), afterCrash);
        Assert.InRange(afterCrash.Count, 1, 20);
        Assert.Equal(Enumerable.Range(0, 60), await harness.DerivedAsync());
    }

    [Fact]
    public async Task RunAsync_AnvilKilledAndRestartedFromItsStateFile_NoLogMissedOrRepeated()
    {
        await using var node = await StatefulAnvil.StartAsync();
        using var harness = await FollowerHarness.CreateAsync(node.RpcUrl, postgres.DataSource);
        await harness.Events.EachInOwnBlockAsync(20);
        // The follower's own client: its reads fail while the node is down and open its breaker, which
        // lets a trial read through after half a second (Polly's shortest break).
        using var followerRpc = TestRpc.Create(node.RpcUrl, options: TestRpc.FastOptions with { BreakerBreakDuration = TimeSpan.FromMilliseconds(500) });
        using var sut = harness.Follower(harness.Consumer(), o => o with { FinalityDepth = 5, InitialBlockRange = 4, MaxBlockRange = 4 }, eth: followerRpc.Eth);
        using var stop = new CancellationTokenSource();
        var running = sut.RunAsync(stop.Token);

        await harness.WaitForDerivedAsync(10, TimeSpan.FromSeconds(20));
        await harness.Events.EachInOwnBlockAsync(10); // mined, then the node stops before they are followed
        await node.StopAsync();
        await Task.Delay(200); // polls fail while the node is down; the follower logs and retries
        await node.StartAgainAsync();
        await harness.Events.EachInOwnBlockAsync(20);
        await harness.WaitForDerivedAsync(50, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;

        Assert.Equal(Enumerable.Range(0, 50), await harness.DerivedAsync());
        Assert.Equal(await harness.Rpc.Eth.BlockNumberAsync(default), (await sut.PollOnceAsync(default)).CursorBlockNumber);
    }
}
