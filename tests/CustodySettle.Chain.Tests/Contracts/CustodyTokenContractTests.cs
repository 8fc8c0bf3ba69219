using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Errors;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using CustodySettle.Chain.Signing;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class CustodyTokenContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private static readonly BigInteger Minted = 50_000_000;

    private ChainHarness _h = null!;
    private CustodyTokenContract _token = null!;

    public async Task InitializeAsync()
    {
        _h = await ChainHarness.StartAsync(fixture);
        _token = _h.Contracts.CustodyToken(await MarginScenario.CreateTokenAsync(_h, ChainHarness.AliceAddress, "bitgo", "BTC"));
        await _h.MinedAsync(_token.GuardMintAsync(_h.Minter, ChainHarness.AliceAddress, Minted, BigInteger.Zero, default), _token.Abi);
    }

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task GuardMintAsync_StaleEstimatedSupply_ThrowsSupplyMismatchAndSendsNothing()
    {
        var nonce = await _h.Eth.GetTransactionCountAsync(ChainHarness.DeployerAddress, BlockTag.Pending, default);

        var error = await Assert.ThrowsAsync<ContractRevertException>(
            () => _token.GuardMintAsync(_h.Minter, ChainHarness.AliceAddress, 1, estimatedSupply: BigInteger.Zero, default));

        Assert.Equal(new SupplyMismatch(Expected: BigInteger.Zero, Actual: Minted), error.Error);
        Assert.Equal("guardMint", error.Function);
        Assert.Null(error.TransactionHash);
        Assert.Equal(nonce, await _h.Eth.GetTransactionCountAsync(ChainHarness.DeployerAddress, BlockTag.Pending, default));
        Assert.Equal(Minted, await _token.TotalSupplyAsync(null, default));
    }

    [Fact]
    public async Task ConfirmAsync_MinedGuardBurnWithStaleSupply_ThrowsSupplyMismatchWithTheHash()
    {
        // Two reconcilers read the same supply; the second one's transaction is mined after the first's.
        var data = _token.Abi.GetFunction("guardBurn").EncodeCall(ChainHarness.AliceAddress, BigInteger.One, Minted);
        await _h.MinedAsync(_token.GuardBurnAsync(_h.Minter, ChainHarness.AliceAddress, 2, Minted, default), _token.Abi);
        var late = await _h.Minter.SendAsync(new TransactionIntent(_token.Address, data) { GasLimit = 200_000 }, default);

        var error = await Assert.ThrowsAsync<ContractRevertException>(() => _h.Confirmer.ConfirmAsync(late, _token.Abi, 1, default));

        Assert.Equal(new SupplyMismatch(Expected: Minted, Actual: Minted - 2), error.Error);
        Assert.Equal(late.Hash, error.TransactionHash);
        Assert.Equal("guardBurn", error.Function);
    }

    [Fact]
    public async Task GuardMintAsync_WithoutMinterRole_ThrowsAccessControlUnauthorizedAccount()
    {
        var error = await Assert.ThrowsAsync<ContractRevertException>(
            () => _token.GuardMintAsync(_h.Alice, ChainHarness.AliceAddress, 1, Minted, default));

        Assert.True(error.Revert!.Is("AccessControlUnauthorizedAccount"), error.Message);
        Assert.Null(error.Error);
    }

    [Fact]
    public async Task GuardBurnAsync_CurrentSupply_BurnsFromTheHolder()
    {
        await _h.MinedAsync(_token.GuardBurnAsync(_h.Minter, ChainHarness.AliceAddress, 10_000_000, Minted, default), _token.Abi);

        Assert.Equal(Minted - 10_000_000, await _token.TotalSupplyAsync(null, default));
        Assert.Equal(Minted - 10_000_000, await _token.BalanceOfAsync(ChainHarness.AliceAddress, null, default));
    }

    [Fact]
    public async Task Views_FactoryToken_DescribeHolderCustodianAssetAndRoles()
    {
        var c = _h.Contracts;

        Assert.Equal(ChainHarness.AliceAddress, await _token.HolderAsync(null, default));
        Assert.Equal("bitgo", await _token.CustodianIdAsync(null, default));
        Assert.Equal("BTC", await _token.UnderlyingAssetAsync(null, default));
        Assert.Equal(8, await _token.DecimalsAsync(null, default));
        Assert.Equal(CustodyTokenContract.MinterRole, await _token.MinterRoleAsync(null, default));
        Assert.True(await _token.HasRoleAsync(CustodyTokenContract.MinterRole, ChainHarness.MinterAddress, null, default));
        Assert.False(await _token.HasRoleAsync(CustodyTokenContract.MinterRole, ChainHarness.DeployerAddress, null, default));
        Assert.True(await _token.HasRoleAsync(CustodyTokenContract.DefaultAdminRole, ChainHarness.DeployerAddress, null, default));
        Assert.False(await _token.HasRoleAsync(CustodyTokenContract.DefaultAdminRole, c.Factory.Address, null, default));
        Assert.True(await _token.AllowedDestinationAsync(c.Collateral.Address, null, default));
    }

    [Fact]
    public void MinterKey_IsTheMinterAccountsKey()
    {
        // What the service tests mint with must be the account the test deployment gave MINTER_ROLE.
        Assert.Equal(ChainHarness.MinterAddress, PrivateKey.Parse(AnvilFixture.MinterKey).Address);
        Assert.NotEqual(ChainHarness.DeployerAddress, ChainHarness.MinterAddress);
    }

    [Fact]
    public async Task SetAllowedDestinationAsync_Admin_AllowListsTheAddress()
    {
        await _h.MinedAsync(_token.SetAllowedDestinationAsync(_h.Deployer, ChainHarness.BobAddress, true, default), _token.Abi);

        Assert.True(await _token.AllowedDestinationAsync(ChainHarness.BobAddress, null, default));
    }
}
