using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Contracts.Events;

/// <summary>The perp: parameters, the trade, the price move, an hour of funding and settlement into cash.</summary>
public sealed partial class ContractEventDecoderTests
{
    [Fact]
    public async Task DecodeAll_Trade_TradeTransfersMarksAndSettlesBothSides()
    {
        var (a, b, perp, manager) = (scenario.Margin.AccountA, scenario.Margin.AccountB, C.PerpBtc.Address, C.Manager.Address);
        var size = MarginScenario.Size;
        var tradeEvent = scenario.Events.Single(e => e.Event is Trade);
        var tradeId = await scenario.TradeIdOfAsync(tradeEvent);

        Assert.Equal(ContractKind.TradeExecutor, tradeEvent.Contract);
        Assert.Equal(new Trade(tradeId, b, a, perp, size, Units(60_000), Units(60_000), 0), tradeEvent.Event);
        Single(ContractKind.SubAccounts, new AssetTransferred(b, a, perp, 0, size, Hash32.Zero, tradeId));
        var key = SubAccountsContract.AssetAndSubIdKey(perp, 0);
        Single(ContractKind.SubAccounts, new BalanceAdjusted(b, manager, key, -size, 0, -size, tradeId));
        Single(ContractKind.SubAccounts, new BalanceAdjusted(a, manager, key, size, 0, size, tradeId));
        Single(ContractKind.PerpAsset, new PositionSettled(a, 0, 0, Units(60_000)));
        Single(ContractKind.PerpAsset, new PositionSettled(b, 0, 0, Units(60_000)));
        Single(ContractKind.StandardManager, new PerpSettled(a, perp, 0, 0));
        Single(ContractKind.StandardManager, new PerpSettled(b, perp, 0, 0));
    }

    [Fact]
    public void DecodeAll_PerpParameters_StaticRateConvergenceAndPrice()
    {
        Single(ContractKind.PerpAsset, new StaticInterestRateUpdated(0));
        Single(ContractKind.PerpAsset, new ConvergencePeriodUpdated(8));
        Single(ContractKind.PerpAsset, new PerpPriceUpdated(Units(61_000)));
    }

    [Fact]
    public async Task DecodeAll_SettleAfterAnHourAtPremium_FundingAccruedAppliedAndSettledIntoCash()
    {
        var (a, perp) = (scenario.Margin.AccountA, C.PerpBtc.Address);
        var lastAggregated = (await C.PerpBtc.PositionsAsync(a, BlockTag.At(scenario.Margin.TradeReceipt.BlockNumber), default)).LastAggregatedFunding;
        var aggregated = lastAggregated + scenario.HourOfFunding;
        var funding = scenario.FundingA;
        var net = Units(2_000) + funding;
        Assert.True(funding < 0 && funding > Units(-300), $"a long pays about 2 x 125 for an hour at 1/60 premium, not {funding}");

        Single(ContractKind.PerpAsset, new FundingRateUpdated(aggregated, FundingRate(Units(61_000), Units(60_000)), scenario.SettledAt));
        Single(ContractKind.PerpAsset, new FundingApplied(a, funding, funding, aggregated));
        Single(ContractKind.PerpAsset, new PositionSettled(a, Units(2_000), Units(2_000), Units(61_000)));
        var settled = Single(ContractKind.StandardManager, new PerpSettled(a, perp, Units(2_000), funding));
        Single(ContractKind.CashAsset, new SettledCashUpdated(net, net));
        var key = SubAccountsContract.AssetAndSubIdKey(C.Cash.Address, 0);
        var tradeId = await scenario.TradeIdOfAsync(settled);
        Single(ContractKind.SubAccounts, new BalanceAdjusted(a, C.Manager.Address, key, net, Units(10_000), Units(10_000) + net, tradeId));
        Assert.Equal(BigInteger.Zero, await C.PerpBtc.GetUnsettledAndUnrealizedCashAsync(a, BlockTag.At(settled.Log.BlockNumber), default));
    }
}
