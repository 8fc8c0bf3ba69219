using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Signers;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class TransactionConfirmerTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private ChainHarness _h = null!;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task ConfirmAsync_Succeeded_ReturnsTheReceipt()
    {
        var c = _h.Contracts;
        var sent = await c.SubAccounts.CreateAccountAsync(_h.Alice, ChainHarness.AliceAddress, c.Manager.Address, default);

        var receipt = await _h.Confirmer.ConfirmAsync(sent, c.SubAccounts.Abi, 1, default);

        Assert.True(receipt.Succeeded);
        Assert.Equal(sent.Hash, receipt.TransactionHash);
    }

    [Fact]
    public async Task ConfirmAsync_OutOfGas_SaysProbablyOutOfGas()
    {
        var s = await MarginScenario.OpenAsync(_h);
        var c = _h.Contracts;
        var data = c.Manager.Abi.GetFunction("settlePerpsWithIndex").EncodeCall(s.AccountA);
        var sent = await _h.Bob.SendAsync(new TransactionIntent(c.Manager.Address, data) { GasLimit = 30_000 }, default);

        var error = await Assert.ThrowsAsync<ContractRevertException>(() => _h.Confirmer.ConfirmAsync(sent, c.Manager.Abi, 1, default));

        Assert.Equal(sent.Hash, error.TransactionHash);
        Assert.Equal("settlePerpsWithIndex", error.Function);
        Assert.Contains("probably out of gas", error.Message, StringComparison.Ordinal);
    }
}
