using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class CustodyCollateralAssetContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private ChainHarness _h = null!;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task SubIdOf_Token_IsTheAddressAsAnIntegerLikeTheContracts()
    {
        var token = Address.Parse("0xffffffffffffffffffffffffffffffffffffffff");

        Assert.Equal((BigInteger.One << 160) - 1, CustodyCollateralAssetContract.SubIdOf(token));
        Assert.Equal(await _h.Contracts.Collateral.SubIdOfAsync(token, null, default), CustodyCollateralAssetContract.SubIdOf(token));
    }

    [Fact]
    public async Task DepositAndWithdraw_Scenario_ScaleTokenUnitsTo18Decimals()
    {
        var s = await MarginScenario.OpenAsync(_h);
        var (c, token) = (_h.Contracts, _h.Contracts.CustodyToken(s.Token));
        Assert.True(await c.Collateral.IsAllowedAsync(s.Token, null, default));
        Assert.Equal(new BigInteger(5) * BigInteger.Pow(10, 17), await c.SubAccounts.GetBalanceAsync(s.AccountA, c.Collateral.Address, s.TokenSubId, null, default));

        await _h.MinedAsync(c.Collateral.WithdrawAsync(_h.Alice, s.AccountA, s.Token, 10_000_000, ChainHarness.AliceAddress, default), c.Collateral.Abi);

        Assert.Equal(new BigInteger(4) * BigInteger.Pow(10, 17), await c.SubAccounts.GetBalanceAsync(s.AccountA, c.Collateral.Address, s.TokenSubId, null, default));
        Assert.Equal(new BigInteger(10_000_000), await token.BalanceOfAsync(ChainHarness.AliceAddress, null, default));
        Assert.Equal(new BigInteger(40_000_000), await token.BalanceOfAsync(c.Collateral.Address, null, default));
    }

    [Fact]
    public async Task SetAllowedTokenAsync_Delisted_RefusesNewDeposits()
    {
        var c = _h.Contracts;
        var account = await MarginScenario.CreateAccountAsync(_h, _h.Alice);
        var token = await MarginScenario.CreateTokenAsync(_h, ChainHarness.AliceAddress, "bitgo", "ETH");
        await _h.MinedAsync(c.CustodyToken(token).GuardMintAsync(_h.Minter, ChainHarness.AliceAddress, 5, 0, default), c.CustodyToken(token).Abi);
        await _h.MinedAsync(c.CustodyToken(token).ApproveAsync(_h.Alice, c.Collateral.Address, 5, default), c.CustodyToken(token).Abi);

        await _h.MinedAsync(c.Collateral.SetAllowedTokenAsync(_h.Deployer, token, false, default), c.Collateral.Abi);

        Assert.False(await c.Collateral.IsAllowedAsync(token, null, default));
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => c.Collateral.DepositAsync(_h.Alice, account, token, 5, default));
        Assert.True(error.Revert!.Is("CCA_TokenNotAllowed"), error.Message);
    }
}
