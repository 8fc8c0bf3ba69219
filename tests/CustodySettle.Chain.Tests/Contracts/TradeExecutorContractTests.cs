using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Errors;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Testing;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class TradeExecutorContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private ChainHarness _h = null!;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task TradeAsync_PriceAboveTheMark_BuyerPaysTheDifferenceInCash()
    {
        var s = await MarginScenario.OpenAsync(_h);
        var c = _h.Contracts;

        var receipt = await _h.MinedAsync(c.Executor.TradeAsync(_h.Deployer, s.AccountB, s.AccountA, c.PerpBtc.Address, One, Units(60_100), default), c.Executor.Abi);

        var trade = c.CreateEventDecoder().DecodeAll(receipt.Logs).Select(e => e.Event).OfType<Trade>().Single();
        Assert.Equal(new Trade(trade.TradeId, s.AccountB, s.AccountA, c.PerpBtc.Address, One, Units(60_100), Units(60_000), Units(100)), trade);
        Assert.Equal(Units(10_000 - 100), await c.SubAccounts.GetBalanceAsync(s.AccountA, c.Cash.Address, 0, null, default));
        Assert.Equal(Units(100_000 + 100), await c.SubAccounts.GetBalanceAsync(s.AccountB, c.Cash.Address, 0, null, default));
        Assert.Equal(Units(3), await c.SubAccounts.GetBalanceAsync(s.AccountA, c.PerpBtc.Address, 0, null, default));
        Assert.True(await c.Executor.IsExecutorAsync(ChainHarness.DeployerAddress, null, default));
    }

    [Fact]
    public async Task TradeAsync_BeyondTheInitialMargin_ThrowsTypedPortfolioBelowMargin()
    {
        var s = await MarginScenario.OpenAsync(_h);
        var c = _h.Contracts;

        var error = await Assert.ThrowsAsync<ContractRevertException>(
            () => c.Executor.TradeAsync(_h.Deployer, s.AccountB, s.AccountA, c.PerpBtc.Address, Units(100), Units(60_000), default));

        // The seller's manager hook runs first: B's 100,000 of cash against 102 x 60,000 x 0.066 = 403,920.
        var below = Assert.IsType<PortfolioBelowMargin>(error.Error);
        Assert.Equal(s.AccountB, below.AccountId);
        Assert.Equal(Units(100_000) - MulDec(Units(102 * 60_000), 66 * One / 1_000), below.MarginAfter);
        Assert.Equal(Units(-303_920), below.MarginAfter);
    }

    [Fact]
    public async Task TradeAsync_NotAnExecutor_ThrowsTeOnlyExecutor()
    {
        var c = _h.Contracts;

        var error = await Assert.ThrowsAsync<ContractRevertException>(() => c.Executor.TradeAsync(_h.Bob, 1, 2, c.PerpBtc.Address, One, One, default));

        Assert.True(error.Revert!.Is("TE_OnlyExecutor"), error.Message);
    }

    [Fact]
    public async Task SetExecutorAsync_Owner_AllowsThenStopsTheAccount_AndAnyoneElseIsRefused()
    {
        var c = _h.Contracts;

        await _h.MinedAsync(c.Executor.SetExecutorAsync(_h.Deployer, ChainHarness.BobAddress, true, default), c.Executor.Abi);
        Assert.True(await c.Executor.IsExecutorAsync(ChainHarness.BobAddress, null, default));
        await _h.MinedAsync(c.Executor.SetExecutorAsync(_h.Deployer, ChainHarness.BobAddress, false, default), c.Executor.Abi);
        Assert.False(await c.Executor.IsExecutorAsync(ChainHarness.BobAddress, null, default));

        var error = await Assert.ThrowsAsync<ContractRevertException>(() => c.Executor.SetExecutorAsync(_h.Bob, ChainHarness.BobAddress, true, default));
        Assert.True(error.Revert!.Is("OwnableUnauthorizedAccount"), error.Message);
    }
}
