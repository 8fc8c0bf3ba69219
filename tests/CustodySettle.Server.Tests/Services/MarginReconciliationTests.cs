using CustodySettle.Api.V1;
using CustodySettle.Testing;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// Reconciliation checks the service's initial margin of each linked subaccount against the venue's
/// getMargin: alpha holds 10,000 cash and is long 1 BTC at 60,000 (<see cref="MarginTrading"/>). At the
/// service's rate of 0.066 both say 10,000 - 3,960 = 6,040; once the venue raises its initial rate to
/// 0.1 it says 4,000, and the calls the service issues would understate the requirement: a break.
/// </summary>
[Collection(MarginChainGroup.Name)]
public sealed class MarginReconciliationTests(DeployedAnvilFixture fixture)
{
    [Fact]
    public async Task VenueRateDiffersFromTheServices_MarginMismatchBreak_ClearedWhenTheyAgreeAgain()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture);
        await MarginTrading.OpenLongAsync(scenario, collateral: 2_000_000_000);
        var (chain, c) = (scenario.Chain, scenario.Chain.Contracts);

        var agreeing = await scenario.RunAsync();
        await scenario.MinedAsync(c.Manager.SetPerpMarginRatesAsync(chain.Deployer, c.PerpBtc.Address, 5 * MarginTrading.E18 / 100, MarginTrading.E18 / 10, CancellationToken.None));
        var differing = await scenario.RunAsync();
        await scenario.MinedAsync(c.Manager.SetPerpMarginRatesAsync(chain.Deployer, c.PerpBtc.Address, 5 * MarginTrading.E18 / 100, 66 * MarginTrading.E18 / 1000, CancellationToken.None));
        var again = await scenario.RunAsync();

        Assert.DoesNotContain(agreeing.Breaks, b => b.Type == BreakType.MarginMismatch);
        var mismatch = Assert.Single(differing.Breaks, b => b.Type == BreakType.MarginMismatch);
        Assert.Equal(("alpha", "6040000000000000000000", "4000000000000000000000"), (mismatch.DeskId, mismatch.Expected, mismatch.Actual));
        Assert.Contains("beyond the tolerance", mismatch.Evidence.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(mismatch.Evidence.SubaccountId);
        Assert.DoesNotContain(again.Breaks, b => b.Type == BreakType.MarginMismatch);
        Assert.True(again.Cleared >= 1);
    }
}
