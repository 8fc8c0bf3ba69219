using CustodySettle.Testing;

namespace CustodySettle.Stack.Tests.Fixtures;

public sealed class AnvilFixtureTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Fixture_Node_IsADevChainWithFundedAccounts()
    {
        var chainId = (await anvil.RpcAsync("eth_chainId")).GetString();
        var balance = (await anvil.RpcAsync("eth_getBalance", AnvilFixture.DevAccount0, "latest")).GetString();

        Assert.Equal("0x7a69", chainId); // 31337
        Assert.Equal("0x21e19e0c9bab2400000", balance); // 10,000 ether in wei
        Assert.NotEqual(8545, anvil.RpcUrl.Port);
    }

    [Fact]
    public async Task RevertAsync_AfterMiningAndStateChange_RestoresSnapshot()
    {
        var snapshot = await anvil.SnapshotAsync();
        var blockBefore = await anvil.BlockNumberAsync();
        const string Someone = "0x000000000000000000000000000000000000dEaD";

        await anvil.RpcAsync("anvil_setBalance", Someone, "0x1234");
        await anvil.RpcAsync("anvil_mine", "0x5");
        Assert.Equal(blockBefore + 5, await anvil.BlockNumberAsync());
        await anvil.RevertAsync(snapshot);

        Assert.Equal(blockBefore, await anvil.BlockNumberAsync());
        Assert.Equal("0x0", (await anvil.RpcAsync("eth_getBalance", Someone, "latest")).GetString());
    }
}
