namespace CustodySettle.Chain.Tests.Following;

public sealed partial class LogFollowerTests
{
    [Fact]
    public async Task PollOnceAsync_ProviderRefusesWideRanges_ShrinksAndStillDeliversEverything()
    {
        using var limit = new RangeLimitHandler(maxBlocks: 16);
        using var harness = await CreateHarnessAsync(limit);
        for (var round = 0; round < 5; round++)
        {
            await harness.Events.InOneBlockAsync(10);
            await harness.Events.MineEmptyAsync(40);
            await harness.Events.EachInOwnBlockAsync(2);
        }

        using var sut = harness.Follower(harness.Consumer(), o => o with { InitialBlockRange = 200, MaxBlockRange = 1000, TargetLogsPerRange = 1000 });
        var polls = await FollowerHarness.PollUntilCaughtUpAsync(sut);

        Assert.Equal(Enumerable.Range(0, 60), await harness.DerivedAsync());
        Assert.True(limit.Refusals > 0);
        Assert.True(polls.Sum(p => p.RangeShrinks) >= 4, "200 -> 100 -> 50 -> 25 -> 12 takes four halvings");
        Assert.InRange(limit.WidestServed, 1, 16);
    }
}
