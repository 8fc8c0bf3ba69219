using System.Numerics;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed partial class EthClientTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    // Error(string) with "nope": selector 0x08c379a0, offset 0x20, length 4, "nope" padded.
    private static readonly byte[] ErrorNope = Hex.Decode(
        "0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020"
        + "0000000000000000000000000000000000000000000000000000000000000004"
        + "6e6f706500000000000000000000000000000000000000000000000000000000");

    private TestRpc CreateSut() => TestRpc.Create(anvil.RpcUrl);

    [Fact]
    public async Task BlockNumberAsync_AfterAnvilMine_AdvancedByMinedBlocks()
    {
        using var sut = CreateSut();
        var before = await sut.Eth.BlockNumberAsync(default);

        await anvil.RpcAsync("anvil_mine", "0x5");

        Assert.Equal(before + 5, await sut.Eth.BlockNumberAsync(default));
        Assert.Equal(31337, await sut.Eth.ChainIdAsync(default));
    }

    [Fact]
    public async Task GetBlockByNumberAsync_ConsecutiveBlocks_ParentHashLinksThem()
    {
        using var sut = CreateSut();
        await anvil.RpcAsync("anvil_mine", "0x3");
        var head = await sut.Eth.BlockNumberAsync(default);

        var blocks = await sut.Eth.GetBlocksByNumberAsync([head - 2, head - 1, head], default);
        var latest = await sut.Eth.GetBlockByNumberAsync(BlockTag.Latest, default);
        var byHash = await sut.Eth.GetBlockByHashAsync(blocks[2]!.Hash, default);

        Assert.Equal(blocks[0]!.Hash, blocks[1]!.ParentHash);
        Assert.Equal(blocks[1]!.Hash, blocks[2]!.ParentHash);
        Assert.Equal(blocks[2]!.Hash, latest!.Hash);
        Assert.Equal(head, byHash!.Number);
        Assert.NotNull(latest.BaseFeePerGas);
        Assert.True(latest.Timestamp > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task GetBlockByNumberAsync_TagsAndBeyondHead_FinalizedAtOrBelowHeadAndNullPastIt()
    {
        using var sut = CreateSut();
        var head = await sut.Eth.BlockNumberAsync(default);

        var finalized = await sut.Eth.GetBlockByNumberAsync(BlockTag.Finalized, default);
        var safe = await sut.Eth.GetBlockByNumberAsync(BlockTag.Safe, default);
        var earliest = await sut.Eth.GetBlockByNumberAsync(BlockTag.Earliest, default);
        var future = await sut.Eth.GetBlockByNumberAsync(BlockTag.At(head + 1000), default);

        Assert.InRange(finalized!.Number, 0, head);
        Assert.InRange(safe!.Number, 0, head);
        Assert.Equal(Hash32.Zero, earliest!.ParentHash);
        Assert.Null(future);
    }

    [Fact]
    public async Task CallAsync_Reverts_ThrowsWithRevertData()
    {
        using var sut = CreateSut();
        var reverter = await TestContracts.DeployAsync(sut.Eth, TestContracts.ReverterRuntime());

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.CallAsync(new CallRequest(reverter, ErrorNope), BlockTag.Latest, default));

        Assert.True(error.IsRevert);
        Assert.Equal(JsonRpcErrorCodes.ExecutionReverted, error.Code);
        Assert.Equal(ErrorNope, error.RevertData.ToArray());
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task CallAsync_EchoContract_ReturnsCalldata()
    {
        using var sut = CreateSut();
        var echo = await TestContracts.DeployAsync(sut.Eth, TestContracts.EchoRuntime());

        var result = await sut.Eth.CallAsync(new CallRequest(echo, new byte[] { 1, 2, 3 }, From: TestContracts.DevAccount), BlockTag.Latest, default);

        Assert.Equal(new byte[] { 1, 2, 3 }, result.ToArray());
    }

    [Fact]
    public async Task CallBatchAsync_HundredCallsSomeReverting_OneRequestAndPerCallOutcomes()
    {
        using var sut = CreateSut();
        var echo = await TestContracts.DeployAsync(sut.Eth, TestContracts.EchoRuntime());
        var reverter = await TestContracts.DeployAsync(sut.Eth, TestContracts.ReverterRuntime());
        var calls = Enumerable.Range(0, 100).Select(i => new CallRequest(i % 2 == 0 ? echo : reverter, new byte[] { (byte)i })).ToList();
        var requestsBefore = sut.Counter.Requests;

        var results = await sut.Eth.CallBatchAsync(calls, BlockTag.Latest, default);

        Assert.Equal(1, sut.Counter.Requests - requestsBefore);
        Assert.Equal(100, results.Count);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(i % 2 == 0, results[i].Success);
            Assert.Equal(i % 2 != 0, results[i].IsRevert);
            Assert.Equal(new[] { (byte)i }, results[i].Data.ToArray());
        }
    }

    [Fact]
    public async Task EstimateGasAsync_ReturningAndReverting_GasOrRevert()
    {
        using var sut = CreateSut();
        var echo = await TestContracts.DeployAsync(sut.Eth, TestContracts.EchoRuntime());
        var reverter = await TestContracts.DeployAsync(sut.Eth, TestContracts.ReverterRuntime());

        var gas = await sut.Eth.EstimateGasAsync(new TransactionRequest { From = TestContracts.DevAccount, To = echo, Data = new byte[] { 1 } }, default);
        var error = await Assert.ThrowsAsync<JsonRpcException>(
            () => sut.Eth.EstimateGasAsync(new TransactionRequest { From = TestContracts.DevAccount, To = reverter, Data = new byte[] { 0xde, 0xad } }, default));

        Assert.InRange(gas, 21_000, 30_000);
        Assert.Equal(new byte[] { 0xde, 0xad }, error.RevertData.ToArray());
    }

    [Fact]
    public async Task SendRawTransactionAsync_NotATransaction_RejectedWithLocalHash()
    {
        using var sut = CreateSut();
        byte[] garbage = [0xde, 0xad, 0xbe, 0xef];

        var outcome = await sut.Eth.SendRawTransactionAsync(garbage, default);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
        Assert.Equal(Hash32.FromBytes(Keccak256.Hash(garbage)), outcome.TransactionHash);
        Assert.Equal(JsonRpcErrorKind.Rpc, outcome.Error?.Kind);
        Assert.Throws<JsonRpcException>(() => outcome.EnsureSent());
    }

    [Fact]
    public async Task FeesAsync_AnvilChain_BaseFeeAndTipsReported()
    {
        using var sut = CreateSut();
        await anvil.RpcAsync("anvil_mine", "0x2");

        var gasPrice = await sut.Eth.GasPriceAsync(default);
        var tip = await sut.Eth.MaxPriorityFeePerGasAsync(default);
        var history = await sut.Eth.FeeHistoryAsync(2, BlockTag.Latest, [50.0], default);

        Assert.True(gasPrice > BigInteger.Zero);
        Assert.True(tip >= BigInteger.Zero);
        Assert.Equal(3, history.BaseFeePerGas.Count);
        Assert.Equal(2, history.GasUsedRatio.Count);
        Assert.Equal(2, history.Reward.Count);
    }
}
