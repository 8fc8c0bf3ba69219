using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class SubAccountsContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private ChainHarness _h = null!;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000001", 5, "0x0000000000000000000000000000000000000001000000000000000000000005")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffff", 0, "0xffffffffffffffffffffffffffffffffffffffff000000000000000000000000")]
    public void AssetAndSubIdKey_Vectors_AssetShiftedLeft96OrSubId(string asset, long subId, string key)
    {
        Assert.Equal(Hash32.Parse(key), SubAccountsContract.AssetAndSubIdKey(Address.Parse(asset), subId));
    }

    [Fact]
    public async Task AssetAndSubIdKey_CashAndA160BitCollateralSubId_EqualsTheContractsKey()
    {
        var c = _h.Contracts;
        var token = Address.Parse("0x8ba1f109551bD432803012645Ac136ddd64DBA72");
        var subId = CustodyCollateralAssetContract.SubIdOf(token);

        Assert.Equal(await c.SubAccounts.AssetAndSubIdKeyAsync(c.Cash.Address, 0, null, default), SubAccountsContract.AssetAndSubIdKey(c.Cash.Address, 0));
        Assert.Equal(
            await c.SubAccounts.AssetAndSubIdKeyAsync(c.Collateral.Address, subId, null, default),
            SubAccountsContract.AssetAndSubIdKey(c.Collateral.Address, subId));
    }

    [Fact]
    public async Task GetAccountBalancesAsync_Scenario_ListsCashCollateralAndPerp()
    {
        var s = await MarginScenario.OpenAsync(_h);
        var c = _h.Contracts;

        var balances = await c.SubAccounts.GetAccountBalancesAsync(s.AccountA, null, default);

        Assert.Equal(
            new[]
            {
                new AssetBalance(c.Cash.Address, 0, MarginScenario.AliceCashUsdc * BigInteger.Pow(10, 12)),
                new AssetBalance(c.Collateral.Address, s.TokenSubId, MarginScenario.CollateralUnits * BigInteger.Pow(10, 10)),
                new AssetBalance(c.PerpBtc.Address, 0, MarginScenario.Size),
            }.ToHashSet(),
            balances.ToHashSet());
        Assert.Empty(await c.SubAccounts.GetAccountBalancesAsync(999, null, default));
    }

    [Fact]
    public async Task AccountViews_CreatedAccount_OwnerManagerAndLastId()
    {
        var c = _h.Contracts;
        var before = await c.SubAccounts.LastAccountIdAsync(null, default);

        var id = await MarginScenario.CreateAccountAsync(_h, _h.Bob);

        Assert.Equal(before + 1, id);
        Assert.Equal(id, await c.SubAccounts.LastAccountIdAsync(null, default));
        Assert.Equal(ChainHarness.BobAddress, await c.SubAccounts.OwnerOfAsync(id, null, default));
        Assert.Equal(c.Manager.Address, await c.SubAccounts.ManagerAsync(id, null, default));
        Assert.True(await c.SubAccounts.TrustedCallerAsync(c.Executor.Address, null, default));
    }

    [Fact]
    public async Task OwnerOfAsync_NoSuchAccount_ThrowsErc721NonexistentToken()
    {
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => _h.Contracts.SubAccounts.OwnerOfAsync(999_999, null, default));

        Assert.True(error.Revert!.Is("ERC721NonexistentToken"), error.Message);
        Assert.Equal(new BigInteger(999_999), error.Revert.Arguments!.Get<BigInteger>(0));
    }

    [Fact]
    public async Task SetTrustedCallerAsync_Owner_TrustsTheCaller()
    {
        var c = _h.Contracts;

        await _h.MinedAsync(c.SubAccounts.SetTrustedCallerAsync(_h.Deployer, ChainHarness.BobAddress, true, default), c.SubAccounts.Abi);

        Assert.True(await c.SubAccounts.TrustedCallerAsync(ChainHarness.BobAddress, null, default));
    }
}
