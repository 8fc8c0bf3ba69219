using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Rpc;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class CustodyTokenFactoryContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private ChainHarness _h = null!;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task KeyOf_ComputedInCSharp_EqualsTheContractsKeyOf()
    {
        var expected = await _h.Contracts.Factory.KeyOfAsync(ChainHarness.AliceAddress, "bitgo", "BTC", null, default);

        Assert.Equal(expected, CustodyTokenFactoryContract.KeyOf(ChainHarness.AliceAddress, "bitgo", "BTC"));
        Assert.NotEqual(expected, CustodyTokenFactoryContract.KeyOf(ChainHarness.AliceAddress, "bitgo", "ETH"));
    }

    [Fact]
    public async Task CreateTokenAsync_NewKey_DeploysAtTheAddressTokenForPredicted()
    {
        var f = _h.Contracts.Factory;
        var predicted = await f.TokenForAsync(ChainHarness.BobAddress, "fireblocks", "ETH", null, default);
        Assert.Empty(await _h.Eth.GetCodeAsync(predicted, BlockTag.Latest, default));

        await _h.MinedAsync(f.CreateTokenAsync(_h.Deployer, ChainHarness.BobAddress, "fireblocks", "ETH", default), f.Abi);

        Assert.NotEmpty(await _h.Eth.GetCodeAsync(predicted, BlockTag.Latest, default));
        Assert.True(await f.IsCustodyTokenAsync(predicted, null, default));
        Assert.Equal(1, await f.TokenCountAsync(null, default));
        Assert.Equal(18, await _h.Contracts.CustodyToken(predicted).DecimalsAsync(null, default));
    }

    [Fact]
    public async Task TokenForAsync_UnregisteredAsset_ThrowsNamingTheError()
    {
        var error = await Assert.ThrowsAsync<ContractRevertException>(
            () => _h.Contracts.Factory.TokenForAsync(ChainHarness.BobAddress, "bitgo", "DOGE", null, default));

        Assert.True(error.Revert!.Is("CTF_UnknownAsset"), error.Message);
        Assert.Contains("DOGE", error.Message, StringComparison.Ordinal);
    }
}
