using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Rpc;
using CustodySettle.Testing;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class PerpAssetContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private ChainHarness _h = null!;

    private PerpAssetContract Perp => _h.Contracts.PerpBtc;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task Funding_DocsExampleOverTwoWarpedHours_LongPays150PerContractShortReceives()
    {
        var s = await MarginScenario.OpenAsync(_h);
        var priced = await _h.MinedAsync(Perp.SetPerpPriceAsync(_h.Deployer, Units(60_600), default), Perp.Abi);
        var pricedAt = (await _h.Eth.GetBlockByNumberAsync(BlockTag.At(priced.BlockNumber), default))!.Timestamp;
        await _h.SetNextTimestampAsync(pricedAt.AddHours(2));

        var updated = await _h.MinedAsync(Perp.UpdateFundingRateAsync(_h.Bob, default), Perp.Abi);

        // docs/contracts.md: premium 1 %, rate 0.125 %/h; after 2 h the aggregate grows by 0.00125 x 2 x 60,000 = 150.
        var at = BlockTag.At(updated.BlockNumber);
        var rate = FundingRate(Units(60_600), Units(60_000));
        Assert.Equal(125 * BigInteger.Pow(10, 13), rate);
        Assert.Equal(Units(150), FundingAccrued(rate, 7_200, Units(60_000)));
        Assert.Equal(rate, await Perp.GetFundingRateAsync(at, default));
        var lastAggregated = (await Perp.PositionsAsync(s.AccountA, at, default)).LastAggregatedFunding;
        Assert.Equal(lastAggregated + Units(150), await Perp.GetAggregatedFundingAsync(at, default));
        var logged = _h.Contracts.CreateEventDecoder().DecodeAll(updated.Logs).Select(e => e.Event).OfType<FundingRateUpdated>().Single();
        Assert.Equal(new FundingRateUpdated(lastAggregated + Units(150), rate, pricedAt.AddHours(2).ToUnixTimeSeconds()), logged);
        // unrealized pnl 2 x 600 = 1,200; the long pays 2 x 150, the short receives it.
        Assert.Equal(Units(1_200) - Units(300), await Perp.GetUnsettledAndUnrealizedCashAsync(s.AccountA, at, default));
        Assert.Equal(Units(-1_200) + Units(300), await Perp.GetUnsettledAndUnrealizedCashAsync(s.AccountB, at, default));
    }

    [Fact]
    public async Task GetUnsettledAndUnrealizedCashAsync_PerpBelowTheMark_LongLosesShortGains()
    {
        var s = await MarginScenario.OpenAsync(_h);

        var receipt = await _h.MinedAsync(Perp.SetPerpPriceAsync(_h.Deployer, Units(59_000), default), Perp.Abi);

        var at = BlockTag.At(receipt.BlockNumber);
        Assert.Equal(Units(-2_000), await Perp.GetUnsettledAndUnrealizedCashAsync(s.AccountA, at, default));
        Assert.Equal(Units(2_000), await Perp.GetUnsettledAndUnrealizedCashAsync(s.AccountB, at, default));
    }

    [Fact]
    public async Task PositionsAsync_AfterTrade_MarkedAtTheMarkWithNothingUnsettled()
    {
        var s = await MarginScenario.OpenAsync(_h);

        var position = await Perp.PositionsAsync(s.AccountA, null, default);

        Assert.Equal(Units(60_000), position.LastMarkPrice);
        Assert.Equal(BigInteger.Zero, position.Pnl);
        Assert.Equal(BigInteger.Zero, position.Funding);
        Assert.Equal(MarginScenario.Size, await _h.Contracts.SubAccounts.GetBalanceAsync(s.AccountA, Perp.Address, 0, null, default));
    }

    [Fact]
    public async Task SetPricesAsync_Oracle_SetsPerpAndIndexWithFullConfidence()
    {
        Assert.Equal((Units(60_000), One), await Perp.GetPerpPriceAsync(null, default));

        await _h.MinedAsync(Perp.SetPricesAsync(_h.Deployer, Units(61_000), Units(60_500), default), Perp.Abi);
        await _h.MinedAsync(Perp.SetIndexPriceAsync(_h.Deployer, Units(60_400), default), Perp.Abi);

        Assert.Equal((Units(61_000), One), await Perp.GetPerpPriceAsync(null, default));
        Assert.Equal((Units(60_400), One), await Perp.GetIndexPriceAsync(null, default));
    }

    [Fact]
    public async Task SetPerpPriceAsync_NotAnOracle_ThrowsPaOnlyOracle()
    {
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => Perp.SetPerpPriceAsync(_h.Alice, Units(1), default));

        Assert.True(error.Revert!.Is("PA_OnlyOracle"), error.Message);
    }
}
