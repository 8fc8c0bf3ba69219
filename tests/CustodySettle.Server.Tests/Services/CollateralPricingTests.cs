using CustodySettle.Api.V1;
using CustodySettle.Margin.Status;
using CustodySettle.Testing;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// Collateral other than the settlement asset, valued at its configured source's index price at the
/// positions' block (CS_PRICE_SOURCES=BTC=PerpAssetBTC), after its haircut; an eligible asset without a
/// source counts nothing and says so. Alpha: the 1 BTC long at 60,000 of <see cref="MarginTrading"/>,
/// 2,000 USDC, 0.05 BTC at 80 % and 3 ETH (eligible, but not priced).
/// </summary>
[Collection(MarginChainGroup.Name)]
public sealed class CollateralPricingTests(DeployedAnvilFixture fixture)
{
    [Fact]
    public async Task BtcCollateral_ValuedAtTheIndexPriceAfterItsHaircut_FollowsThePrice()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, configure: s => s with
        {
            PriceSources = CollateralPriceSources.Parse("BTC=PerpAssetBTC", "CS_PRICE_SOURCES"),
        });
        var alpha = await MarginTrading.OpenLongAsync(scenario, collateral: 2_000_000_000);
        var api = scenario.Api;
        await api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "BTC", Decimals = 8 });
        await api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "ETH", Decimals = 18 });
        await api.AdminAsync<SetHaircutRequest, Haircut>("SetHaircut", new SetHaircutRequest { RequestId = Guid.NewGuid().ToString(), Asset = "BTC", ValuationBps = 8_000 });
        await api.AdminAsync<SetHaircutRequest, Haircut>("SetHaircut", new SetHaircutRequest { RequestId = Guid.NewGuid().ToString(), Asset = "ETH", ValuationBps = 9_000 });
        await api.CallAsync<ReportBalancesRequest, Statement>(ApiHarness.CustodianService, "ReportBalances", new ReportBalancesRequest
        {
            StatementId = "s-2",
            AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Lines =
            {
                new StatementLine { DeskId = "alpha", Asset = "USDC", Balance = "2000000000" },
                new StatementLine { DeskId = "alpha", Asset = "BTC", Balance = "5000000" },
                new StatementLine { DeskId = "alpha", Asset = "ETH", Balance = "3000000000000000000" },
            },
        }, scenario.CustodianKey);

        var at60 = await StatusAsync(scenario, alpha);
        await MarginTrading.SetPriceAsync(scenario, 58_000);
        var at58 = await StatusAsync(scenario, alpha);

        // 0.05 BTC x 60,000 x 80 % = 2,400 USDC; with 2,000 USDC, 4,400 against the 3,960 requirement: return 440.
        var btc = Assert.Single(at60.Collateral, c => c.Asset == "BTC");
        Assert.Equal(("5000000", 8_000, "2400000000"), (btc.Held, btc.ValuationBps, btc.Value));
        Assert.Equal(("4400000000", MarginAction.Return, "440000000"), (at60.CollateralValue, at60.Action, at60.Amount));
        // At 58,000: 2,320 + 2,000 = 4,320 against 5,828: deliver 1,508.
        Assert.Equal("2320000000", Assert.Single(at58.Collateral, c => c.Asset == "BTC").Value);
        Assert.Equal(("4320000000", MarginAction.Delivery, "1508000000"), (at58.CollateralValue, at58.Action, at58.Amount));
        var eth = Assert.Single(at58.Collateral, c => c.Asset == "ETH");
        Assert.Equal("0", eth.Value);
        Assert.Contains("no price source for ETH", eth.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BTC")]
    [InlineData("BTC=Oracle")]
    [InlineData("BTC=PerpAssetBTC,BTC=PerpAssetETH")]
    [InlineData("btc lower=PerpAssetBTC")]
    public void Parse_Malformed_ThrowsNamingTheSetting(string text)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CollateralPriceSources.Parse(text, "CS_PRICE_SOURCES"));

        Assert.StartsWith("CS_PRICE_SOURCES", error.Message, StringComparison.Ordinal);
    }

    private static Task<MarginStatus> StatusAsync(CustodyScenario scenario, string key) =>
        scenario.Api.CallAsync<GetMarginStatusRequest, MarginStatus>(ApiHarness.MarginService, "GetMarginStatus", new GetMarginStatusRequest(), key);
}
