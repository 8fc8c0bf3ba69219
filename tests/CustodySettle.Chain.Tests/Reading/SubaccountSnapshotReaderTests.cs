using System.Numerics;
using CustodySettle.Chain.Reading;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Tests.Contracts;
using CustodySettle.Testing;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Reading;

[Collection(DeployedReadingGroup.Name)]
public sealed class SubaccountSnapshotReaderTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private ChainHarness _h = null!;
    private MarginScenario _s = null!;

    public async Task InitializeAsync()
    {
        _h = await ChainHarness.StartAsync(fixture);
        _s = await MarginScenario.OpenAsync(_h);
    }

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task ReadAsync_ScenarioAccounts_HandComputedFiguresAtOneBlock()
    {
        var perp = _h.Contracts.PerpBtc.Address;
        var head = await _h.HeadAsync();

        var snapshot = await Reader().ReadAsync(
            [new SubaccountQuery(_s.AccountA, perp, _s.Token, ChainHarness.AliceAddress), new SubaccountQuery(_s.AccountB, perp)], null, default);

        Assert.Equal(head.Number, snapshot.BlockNumber);
        Assert.Equal(head.Hash, snapshot.BlockHash);
        Assert.Equal(2, snapshot.RoundTrips);
        // A: 10,000 cash + 0.5 x 60,000 x 0.8 − 2 x 60,000 x 0.066 (IM) or x 0.05 (MM); marked at the trade, no funding (both rates 0).
        Assert.Equal(
            new SubaccountState(_s.AccountA, MarginScenario.Size, Units(10_000), 5 * One / 10, BigInteger.Zero, Units(26_080), Units(28_000), BigInteger.Zero),
            snapshot.Accounts[0].State);
        Assert.Equal(
            new SubaccountState(_s.AccountB, -MarginScenario.Size, Units(100_000), null, null, Units(92_080), Units(94_000), BigInteger.Zero),
            snapshot.Accounts[1].State);
        Assert.Null(snapshot.Accounts[0].Error);
    }

    [Fact]
    public async Task ReadAsync_AfterAPriceMove_UnsettledCashSignsFollowTheSide()
    {
        var c = _h.Contracts;
        var receipt = await _h.MinedAsync(c.PerpBtc.SetPerpPriceAsync(_h.Deployer, Units(61_000), default), c.PerpBtc.Abi);

        var snapshot = await Reader().ReadAsync(
            [new SubaccountQuery(_s.AccountA, c.PerpBtc.Address), new SubaccountQuery(_s.AccountB, c.PerpBtc.Address)], BlockTag.At(receipt.BlockNumber), default);

        Assert.Equal(receipt.BlockNumber, snapshot.BlockNumber);
        Assert.Equal(Units(2_000), snapshot.Accounts[0].State!.UnsettledAndUnrealizedCash);
        Assert.Equal(Units(-2_000), snapshot.Accounts[1].State!.UnsettledAndUnrealizedCash);
        Assert.Equal(Units(27_948), snapshot.Accounts[0].State!.InitialMargin);
        Assert.Equal(Units(29_900), snapshot.Accounts[0].State!.MaintenanceMargin);
    }

    [Fact]
    public async Task ReadAsync_TokenWithoutCode_ErrorEntryForThatAccountOnly()
    {
        var perp = _h.Contracts.PerpBtc.Address;

        var snapshot = await Reader().ReadAsync(
            [new SubaccountQuery(_s.AccountA, perp, ChainHarness.BobAddress, ChainHarness.AliceAddress), new SubaccountQuery(_s.AccountB, perp)], null, default);

        Assert.Null(snapshot.Accounts[0].State);
        Assert.Contains("balanceOf", snapshot.Accounts[0].Error, StringComparison.Ordinal);
        Assert.Equal(Units(92_080), snapshot.Accounts[1].State!.InitialMargin);
    }

    [Fact]
    public async Task ReadAsync_1000Accounts_7000CallsInFiveRoundTrips()
    {
        var perp = _h.Contracts.PerpBtc.Address;
        var queries = Enumerable.Range(0, 1_000)
            .Select(i => i == 500 ? new SubaccountQuery(_s.AccountA, perp, _s.Token, ChainHarness.AliceAddress) : new SubaccountQuery(1_000 + i, perp, _s.Token, ChainHarness.BobAddress))
            .ToList();
        var before = _h.Rpc.Counter.Requests;

        var snapshot = await Reader().ReadAsync(queries, null, default);

        // 290k of gas hints per account -> 34 accounts (238 calls, ~124 KB of hex) per aggregate3 -> 30 aggregate3
        // calls, 8 per 1 MiB batch -> 4 batches, after the head.
        Assert.Equal(5, snapshot.RoundTrips);
        Assert.Equal(5, _h.Rpc.Counter.Requests - before);
        Assert.All(snapshot.Accounts, a => Assert.NotNull(a.State));
        Assert.Equal(Units(26_080), snapshot.Accounts[500].State!.InitialMargin);
        Assert.Equal(BigInteger.Zero, snapshot.Accounts[501].State!.InitialMargin);
    }

    private SubaccountSnapshotReader Reader() => new(_h.Contracts, new BatchedReader(_h.Eth, _h.Contracts.Multicall3));
}
