using CustodySettle.Chain.Contracts;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

[Collection(DeployedChainGroup.Name)]
public sealed class Multicall3ContractTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private ChainHarness _h = null!;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task Aggregate3Async_OneFailingCall_FailsOnlyItsEntry()
    {
        var c = _h.Contracts;
        var lastId = c.SubAccounts.Abi.GetFunction("lastAccountId");
        var ownerOf = c.SubAccounts.OwnerOfCall(424_242);

        var results = await c.Multicall3.Aggregate3Async(
            [new Multicall3Call(c.SubAccounts.Address, true, lastId.EncodeCall()), new Multicall3Call(ownerOf.Target, true, ownerOf.Data)], null, default);

        Assert.True(results[0].Success);
        Assert.Equal(await c.SubAccounts.LastAccountIdAsync(null, default), lastId.DecodeOutput(results[0].ReturnData.Span).Get<System.Numerics.BigInteger>(0));
        Assert.False(results[1].Success);
        Assert.True(c.SubAccounts.Abi.DecodeRevert(results[1].ReturnData.Span).Is("ERC721NonexistentToken"));
    }

    [Fact]
    public async Task Aggregate3Async_FailureNotAllowed_RevertsTheWhole()
    {
        var ownerOf = _h.Contracts.SubAccounts.OwnerOfCall(424_242);

        var error = await Assert.ThrowsAsync<ContractRevertException>(
            () => _h.Contracts.Multicall3.Aggregate3Async([new Multicall3Call(ownerOf.Target, false, ownerOf.Data)], null, default));

        Assert.Equal("Multicall3: call failed", error.Revert!.Message);
    }

    [Fact]
    public async Task GetBlockNumberAsync_Latest_IsTheHead()
    {
        var head = await _h.HeadAsync();

        Assert.Equal(head.Number, (long)await _h.Contracts.Multicall3.GetBlockNumberAsync(null, default));
    }
}
