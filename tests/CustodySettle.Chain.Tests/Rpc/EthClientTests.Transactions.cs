using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed partial class EthClientTests
{
    [Fact]
    public async Task SendTransactionAsync_ToEmitter_ReceiptTransactionAndLogsAgree()
    {
        using var sut = CreateSut();
        var emitter = await TestContracts.DeployAsync(sut.Eth, TestContracts.EmitterRuntime());
        var nonce = await sut.Eth.GetTransactionCountAsync(TestContracts.DevAccount, BlockTag.Latest, default);
        byte[] payload = [0xca, 0xfe];

        var hash = (await sut.Eth.SendTransactionAsync(new TransactionRequest { From = TestContracts.DevAccount, To = emitter, Data = payload }, default)).EnsureSent();
        var receipt = await TestContracts.WaitForReceiptAsync(sut.Eth, hash);
        var transaction = await sut.Eth.GetTransactionByHashAsync(hash, default);

        Assert.True(receipt.Succeeded);
        Assert.Equal(emitter, receipt.To);
        Assert.Null(receipt.ContractAddress);
        var log = Assert.Single(receipt.Logs);
        Assert.Equal(emitter, log.Address);
        Assert.Equal(TestContracts.EmittedTopic, Assert.Single(log.Topics));
        Assert.Equal(payload, log.Data.ToArray());
        Assert.Equal(receipt.BlockHash, log.BlockHash);
        Assert.Equal(nonce, transaction!.Nonce);
        Assert.Equal(TestContracts.DevAccount, transaction.From);
        Assert.Equal(payload, transaction.Input.ToArray());
        Assert.Equal(receipt.BlockNumber, transaction.BlockNumber);
        Assert.Equal(nonce + 1, await sut.Eth.GetTransactionCountAsync(TestContracts.DevAccount, BlockTag.Pending, default));
    }

    [Fact]
    public async Task GetLogsAsync_AddressAndTopicFilters_MatchOnlyTheEmittersLogs()
    {
        using var sut = CreateSut();
        var emitter = await TestContracts.DeployAsync(sut.Eth, TestContracts.EmitterRuntime());
        var from = await sut.Eth.BlockNumberAsync(default);
        for (byte i = 0; i < 3; i++)
        {
            var sent = await sut.Eth.SendTransactionAsync(new TransactionRequest { From = TestContracts.DevAccount, To = emitter, Data = new[] { i } }, default);
            await TestContracts.WaitForReceiptAsync(sut.Eth, sent.EnsureSent());
        }

        var range = new LogFilter { FromBlock = BlockTag.At(from), ToBlock = BlockTag.Latest, Addresses = [emitter] };
        var all = await sut.Eth.GetLogsAsync(range, default);
        var byTopic = await sut.Eth.GetLogsAsync(range with { Topics = [[TestContracts.EmittedTopic, Hash32.Zero]] }, default);
        var wildcard = await sut.Eth.GetLogsAsync(range with { Topics = [null] }, default);
        var otherTopic = await sut.Eth.GetLogsAsync(range with { Topics = [[Hash32.Zero]] }, default);
        var otherAddress = await sut.Eth.GetLogsAsync(range with { Addresses = [Address.Zero] }, default);
        var oneBlock = await sut.Eth.GetLogsAsync(new LogFilter { BlockHash = all[1].BlockHash }, default);

        Assert.Equal(new byte[] { 0, 1, 2 }, all.Select(l => l.Data.Span[0]));
        Assert.Equal(3, byTopic.Count);
        Assert.Equal(3, wildcard.Count);
        Assert.Empty(otherTopic);
        Assert.Empty(otherAddress);
        Assert.Equal(all[1].TransactionHash, Assert.Single(oneBlock).TransactionHash);
    }

    [Fact]
    public async Task GetBalanceAsync_DevAccount_Funded()
    {
        using var sut = CreateSut();

        var balance = await sut.Eth.GetBalanceAsync(TestContracts.DevAccount, BlockTag.Latest, default);

        Assert.True(balance > System.Numerics.BigInteger.Pow(10, 18));
    }

    [Fact]
    public async Task GetTransactionReceiptAsync_UnknownHash_Null()
    {
        using var sut = CreateSut();
        var unknown = Hash32.Parse("0x" + new string('1', 64));

        Assert.Null(await sut.Eth.GetTransactionReceiptAsync(unknown, default));
        Assert.Null(await sut.Eth.GetTransactionByHashAsync(unknown, default));
    }

    [Fact]
    public async Task GetLogsAsync_HashAndRange_Rejected()
    {
        using var sut = CreateSut();

        await Assert.ThrowsAsync<ArgumentException>(
            () => sut.Eth.GetLogsAsync(new LogFilter { BlockHash = Hash32.Zero, FromBlock = BlockTag.At(0) }, default));
    }
}
