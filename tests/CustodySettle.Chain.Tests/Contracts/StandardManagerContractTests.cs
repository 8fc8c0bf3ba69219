using System.Numerics;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Rpc;
using CustodySettle.Testing;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class StandardManagerContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private static readonly BigInteger ImRate = 66 * BigInteger.Pow(10, 15);
    private static readonly BigInteger MmRate = 5 * BigInteger.Pow(10, 16);

    private ChainHarness _h = null!;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task GetMarginAsync_DocsExample_IsCashPlusCollateralPlusPnlMinusRateTimesNotional()
    {
        var s = await MarginScenario.OpenAsync(_h);
        var c = _h.Contracts;
        var receipt = await _h.MinedAsync(c.PerpBtc.SetPerpPriceAsync(_h.Deployer, Units(61_000), default), c.PerpBtc.Abi);
        var at = BlockTag.At(receipt.BlockNumber);

        // docs/contracts.md: cash 10,000 + 0.5 x 60,000 x 0.8 + (61,000 − 60,000) x 2 − 2 x 61,000 x rate.
        var collateral = MulDec(MulDec(MarginScenario.CollateralUnits * BigInteger.Pow(10, 10), MarginScenario.Spot), MarginScenario.MarginFactor);
        var notional = MulDec(MarginScenario.Size, Units(61_000));
        Assert.Equal(Units(24_000), collateral);
        Assert.Equal(Units(27_948), Units(10_000) + collateral + Units(2_000) - MulDec(notional, ImRate));
        Assert.Equal(Units(27_948), await c.Manager.GetMarginAsync(s.AccountA, isInitial: true, at, default));
        Assert.Equal(Units(29_900), await c.Manager.GetMarginAsync(s.AccountA, isInitial: false, at, default));
        Assert.Equal(Units(100_000) - Units(2_000) - MulDec(notional, ImRate), await c.Manager.GetMarginAsync(s.AccountB, true, at, default));
        Assert.Equal(Units(91_900), await c.Manager.GetMarginAsync(s.AccountB, false, at, default));
        Assert.Equal(Units(100_000) - Units(2_000) - MulDec(notional, MmRate), Units(91_900));
    }

    [Fact]
    public async Task GetMarginAsync_NoAccount_IsZero()
    {
        Assert.Equal(BigInteger.Zero, await _h.Contracts.Manager.GetMarginAsync(999_999, isInitial: true, null, default));
    }

    [Fact]
    public async Task SettlePerpsWithIndexAsync_AfterPriceMove_MovesPnlAndFundingIntoCashAndKeepsMargin()
    {
        var s = await MarginScenario.OpenAsync(_h);
        var c = _h.Contracts;
        var priced = await _h.MinedAsync(c.PerpBtc.SetPerpPriceAsync(_h.Deployer, Units(61_000), default), c.PerpBtc.Abi);
        var pricedAt = (await _h.Eth.GetBlockByNumberAsync(BlockTag.At(priced.BlockNumber), default))!.Timestamp;
        await _h.SetNextTimestampAsync(pricedAt.AddSeconds(600));

        var settled = await _h.MinedAsync(c.Manager.SettlePerpsWithIndexAsync(_h.Bob, s.AccountA, default), c.Manager.Abi);

        // 600 s of funding at premium 1/60 over 8 h on the 2.0 long, then pnl 2,000 and funding become cash.
        var funding = Funding(MarginScenario.Size, FundingAccrued(FundingRate(Units(61_000), Units(60_000)), 600, Units(60_000)));
        Assert.True(funding < 0, "the long pays when the perp trades above the index");
        var at = BlockTag.At(settled.BlockNumber);
        Assert.Equal(Units(12_000) + funding, await c.SubAccounts.GetBalanceAsync(s.AccountA, c.Cash.Address, 0, at, default));
        Assert.Equal(BigInteger.Zero, await c.PerpBtc.GetUnsettledAndUnrealizedCashAsync(s.AccountA, at, default));
        Assert.Equal(Units(27_948) + funding, await c.Manager.GetMarginAsync(s.AccountA, true, at, default));
        var perpSettled = c.CreateEventDecoder().DecodeAll(settled.Logs).Select(e => e.Event).OfType<PerpSettled>().Single();
        Assert.Equal(new PerpSettled(s.AccountA, c.PerpBtc.Address, Units(2_000), funding), perpSettled);
    }

    [Fact]
    public async Task CollateralParamsAsync_AfterSetters_ReadsSpotAndFactor()
    {
        var c = _h.Contracts;
        await _h.MinedAsync(c.Manager.SetCollateralSpotAsync(_h.Deployer, 42, Units(3), default), c.Manager.Abi);
        await _h.MinedAsync(c.Manager.SetCollateralMarginFactorAsync(_h.Deployer, 42, One / 2, default), c.Manager.Abi);

        Assert.Equal((Units(3), One / 2), await c.Manager.CollateralParamsAsync(42, null, default));
    }
}
