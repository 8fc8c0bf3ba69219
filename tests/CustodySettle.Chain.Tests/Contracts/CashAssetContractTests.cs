using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Errors;
using CustodySettle.Testing;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class CashAssetContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private static readonly BigInteger Usdc1000 = 1_000_000_000;

    private ChainHarness _h = null!;
    private BigInteger _account;

    public async Task InitializeAsync()
    {
        _h = await ChainHarness.StartAsync(fixture);
        _account = await MarginScenario.CreateAccountAsync(_h, _h.Alice);
        await MarginScenario.DepositCashAsync(_h, _h.Alice, _account, Usdc1000);
    }

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task DepositAsync_UsdcUnits_CreditsTheBalanceIn18Decimals()
    {
        var c = _h.Contracts;

        Assert.Equal(Units(1_000), await c.SubAccounts.GetBalanceAsync(_account, c.Cash.Address, 0, null, default));
        Assert.Equal(Usdc1000, await c.Usdc.BalanceOfAsync(c.Cash.Address, null, default));
        Assert.Equal(BigInteger.Zero, await c.Usdc.BalanceOfAsync(ChainHarness.AliceAddress, null, default));
    }

    [Fact]
    public async Task WithdrawAsync_Owner_DebitsCashAndPaysTheRecipient()
    {
        var c = _h.Contracts;

        await _h.MinedAsync(c.Cash.WithdrawAsync(_h.Alice, _account, 400_000_000, ChainHarness.BobAddress, default), c.Cash.Abi);

        Assert.Equal(Units(600), await c.SubAccounts.GetBalanceAsync(_account, c.Cash.Address, 0, null, default));
        Assert.Equal(new BigInteger(400_000_000), await c.Usdc.BalanceOfAsync(ChainHarness.BobAddress, null, default));
        Assert.Equal(BigInteger.Zero, await c.Cash.NetSettledCashAsync(null, default));
    }

    [Fact]
    public async Task WithdrawAsync_MoreThanTheMargin_ThrowsTypedPortfolioBelowMarginFromTheManager()
    {
        var c = _h.Contracts;

        var error = await Assert.ThrowsAsync<ContractRevertException>(
            () => c.Cash.WithdrawAsync(_h.Alice, _account, 1_500_000_000, ChainHarness.AliceAddress, default));

        Assert.Equal(new PortfolioBelowMargin(_account, MarginAfter: Units(-500), MarginBefore: Units(1_000)), error.Error);
    }

    [Fact]
    public async Task WithdrawAsync_NotTheOwner_ThrowsAssetOnlyAccountOwner()
    {
        var error = await Assert.ThrowsAsync<ContractRevertException>(
            () => _h.Contracts.Cash.WithdrawAsync(_h.Bob, _account, 1, ChainHarness.BobAddress, default));

        Assert.True(error.Revert!.Is("Asset_OnlyAccountOwner"), error.Message);
    }
}
