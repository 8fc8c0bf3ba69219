using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class MockUsdcContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private ChainHarness _h = null!;

    private MockUsdcContract Usdc => _h.Contracts.Usdc;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task MintAsync_Owner_RaisesBalanceAndSupply()
    {
        var supply = await Usdc.TotalSupplyAsync(null, default);

        await _h.MinedAsync(Usdc.MintAsync(_h.Deployer, ChainHarness.BobAddress, 123_456, default), Usdc.Abi);

        Assert.Equal(6, await Usdc.DecimalsAsync(null, default));
        Assert.Equal(new BigInteger(123_456), await Usdc.BalanceOfAsync(ChainHarness.BobAddress, null, default));
        Assert.Equal(supply + 123_456, await Usdc.TotalSupplyAsync(null, default));
    }

    [Fact]
    public async Task ApproveAndTransfer_Holder_SetAllowanceAndMoveUnits()
    {
        await _h.MinedAsync(Usdc.MintAsync(_h.Deployer, ChainHarness.BobAddress, 1_000, default), Usdc.Abi);

        await _h.MinedAsync(Usdc.ApproveAsync(_h.Bob, ChainHarness.AliceAddress, 700, default), Usdc.Abi);
        await _h.MinedAsync(Usdc.TransferAsync(_h.Bob, ChainHarness.AliceAddress, 300, default), Usdc.Abi);

        Assert.Equal(new BigInteger(700), await Usdc.AllowanceAsync(ChainHarness.BobAddress, ChainHarness.AliceAddress, null, default));
        Assert.Equal(new BigInteger(300), await Usdc.BalanceOfAsync(ChainHarness.AliceAddress, null, default));
    }

    [Fact]
    public async Task MintAsync_NotTheOwner_ThrowsOwnableUnauthorizedAccount()
    {
        var error = await Assert.ThrowsAsync<ContractRevertException>(() => Usdc.MintAsync(_h.Bob, ChainHarness.BobAddress, 1, default));

        Assert.True(error.Revert!.Is("OwnableUnauthorizedAccount"), error.Message);
    }
}
