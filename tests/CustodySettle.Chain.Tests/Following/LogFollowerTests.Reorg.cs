using System.Text.Json.Nodes;
using CustodySettle.Chain.Following;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Following;

public sealed partial class LogFollowerTests
{
    [Fact]
    public async Task PollOnceAsync_AnvilReorgAtSameHeight_DroppedBranchRolledBackNewBranchDerived()
    {
        using var harness = await CreateHarnessAsync();
        await harness.Events.EachInOwnBlockAsync(5); // events 0-4 in the last five blocks
        using var sut = harness.Follower(harness.Consumer());
        var before = await FollowerHarness.PollUntilCaughtUpAsync(sut);
        var head = before[^1].HeadBlockNumber;
        var replacement = harness.Events.Next(2); // events 5 and 6, only on the new branch

        // Replace the last three blocks; the new branch has event 5 in its first block and 6 in its third.
        await harness.Rpc.Rpc.CallAsync(JsonRpcRequest.Create("anvil_reorg", 3, new JsonArray(
            new JsonArray(harness.Events.Transaction(replacement[0]), 0),
            new JsonArray(harness.Events.Transaction(replacement[1]), 2))), default);
        var after = await sut.PollOnceAsync(default);

        Assert.Equal(3, after.ReorgDepth);
        Assert.Equal(head - 3, after.CommonAncestor);
        Assert.Equal(head, after.CursorBlockNumber);
        Assert.Equal([0, 1, 5, 6], await harness.DerivedAsync());
        await AssertRowsOnCanonicalChainAsync(harness);
    }

    [Fact]
    public async Task PollOnceAsync_RevertedAndLongerBranchMined_ParentHashMismatchRolledBack()
    {
        using var harness = await CreateHarnessAsync();
        await harness.Events.EachInOwnBlockAsync(2);
        var snapshot = await anvil.SnapshotAsync();
        await harness.Events.EachInOwnBlockAsync(3); // events 2-4: dropped by the revert
        using var sut = harness.Follower(harness.Consumer());
        var before = await FollowerHarness.PollUntilCaughtUpAsync(sut);

        await anvil.RevertAsync(snapshot);
        await harness.Events.EachInOwnBlockAsync(4); // events 5-8 on a branch one block longer
        var after = await sut.PollOnceAsync(default);

        Assert.Equal(3, after.ReorgDepth);
        Assert.Equal(before[^1].HeadBlockNumber - 3, after.CommonAncestor);
        Assert.True(after.CaughtUp);
        Assert.Equal([0, 1, 5, 6, 7, 8], await harness.DerivedAsync());
        await AssertRowsOnCanonicalChainAsync(harness);
    }

    [Fact]
    public async Task PollOnceAsync_ChainGotShorter_RolledBackToTheNewHead()
    {
        using var harness = await CreateHarnessAsync();
        await harness.Events.EachInOwnBlockAsync(2);
        var snapshot = await anvil.SnapshotAsync();
        var ancestor = await harness.Rpc.Eth.BlockNumberAsync(default);
        await harness.Events.EachInOwnBlockAsync(4);
        using var sut = harness.Follower(harness.Consumer());
        await FollowerHarness.PollUntilCaughtUpAsync(sut);

        await anvil.RevertAsync(snapshot);
        var after = await sut.PollOnceAsync(default);

        Assert.Equal(4, after.ReorgDepth);
        Assert.Equal(ancestor, after.CommonAncestor);
        Assert.Equal(ancestor, after.CursorBlockNumber);
        Assert.Equal([0, 1], await harness.DerivedAsync());
    }

    [Fact]
    public async Task PollOnceAsync_ReorgDeeperThanFinality_ThrowsLogFollowerException()
    {
        using var harness = await CreateHarnessAsync();
        await harness.Events.EachInOwnBlockAsync(8);
        using var sut = harness.Follower(harness.Consumer(), o => o with { FinalityDepth = 2 });
        await FollowerHarness.PollUntilCaughtUpAsync(sut);

        await harness.Rpc.Rpc.CallAsync(JsonRpcRequest.Create("anvil_reorg", 6, new JsonArray()), default);
        var error = await Assert.ThrowsAsync<LogFollowerException>(() => sut.PollOnceAsync(default));

        Assert.Contains("deeper than the stored blocks", error.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 8), await harness.DerivedAsync());
    }

    private async Task AssertRowsOnCanonicalChainAsync(FollowerHarness harness)
    {
        var rows = await RecordingConsumer.BlocksAsync(postgres.DataSource, harness.Name);
        foreach (var (number, hash) in rows)
        {
            var block = await harness.Rpc.Eth.GetBlockByNumberAsync(BlockTag.At(number), default);
            Assert.Equal(block!.Hash, Hash32.FromBytes(hash));
        }
    }
}
