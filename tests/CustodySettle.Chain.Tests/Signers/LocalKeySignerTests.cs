using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using CustodySettle.Chain.Signing;
using CustodySettle.Chain.Tests.Rpc;
using CustodySettle.Chain.Transactions;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Signers;

public sealed class LocalKeySignerTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private const long ChainId = 31337;

    [Fact]
    public async Task SendAsync_Payment_AcceptedAndMinedAsEip1559FromTheKey()
    {
        var key = await SignerTestKit.FundedKeyAsync(anvil);
        using var rpc = TestRpc.Create(anvil.RpcUrl);
        using var signer = new LocalKeySigner(rpc.Eth, key, ChainId);

        var sent = await signer.SendAsync(SignerTestKit.Payment(12_345), CancellationToken.None);

        var receipt = await new ReceiptWaiter(rpc.Eth).WaitAsync(sent.Hash, 1, CancellationToken.None);
        var details = await rpc.Eth.GetTransactionByHashAsync(sent.Hash, CancellationToken.None);
        Assert.True(receipt.Succeeded);
        Assert.NotNull(details);
        Assert.Equal(2, details.Type);
        Assert.Equal(key.Address, details.From);
        Assert.Equal(0, details.Nonce);
        Assert.Equal(12_345, details.Value);
    }

    [Fact]
    public async Task SendAsync_FiftyConcurrent_ConsecutiveNonces()
    {
        var key = await SignerTestKit.FundedKeyAsync(anvil);
        using var rpc = TestRpc.Create(anvil.RpcUrl);
        using var signer = new LocalKeySigner(rpc.Eth, key, ChainId);

        var sent = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => signer.SendAsync(SignerTestKit.Payment(i), CancellationToken.None)));

        Assert.Equal(Enumerable.Range(0, 50).Select(n => (long)n), await SignerTestKit.MinedNoncesAsync(rpc.Eth, sent));
        Assert.Equal(50, await rpc.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest, CancellationToken.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_SenderRestartedMidWay_NeitherReusesNorSkipsANonce(bool crashAfterNodeReceived)
    {
        var key = await SignerTestKit.FundedKeyAsync(anvil);
        var sent = new List<SentTransaction>();
        using (var crash = new SenderCrashHandler(new SocketsHttpHandler(), crashAtSend: 21, crashAfterNodeReceived))
        using (var dying = TestRpc.Create(anvil.RpcUrl, crash))
        using (var signer = new LocalKeySigner(dying.Eth, key, ChainId))
        {
            var sends = Enumerable.Range(1, 30).Select(i => signer.SendAsync(SignerTestKit.Payment(i), CancellationToken.None)).ToList();
            foreach (var send in sends)
            {
                try
                {
                    sent.Add(await send);
                }
                catch (Exception e) when (e is ChainSendException or JsonRpcException)
                {
                    Assert.True(crash.Crashed);
                }
            }
        }

        Assert.Equal(20, sent.Count);
        using var restarted = TestRpc.Create(anvil.RpcUrl);
        using var successor = new LocalKeySigner(restarted.Eth, key, ChainId);
        foreach (var i in Enumerable.Range(1, 10))
        {
            sent.Add(await successor.SendAsync(SignerTestKit.Payment(1000 + i), CancellationToken.None));
        }

        // The 21st transaction (nonce 20) either reached the node before the crash, and the successor
        // starts at 21, or it did not, and the successor uses 20: no nonce twice, none skipped.
        // Receipts first: anvil answers eth_sendRawTransaction before it mines, so the count at
        // "latest" read straight after the last send can lag by one under load.
        var onChain = crashAfterNodeReceived ? 31 : 30;
        var expected = Enumerable.Range(0, onChain).Select(n => (long)n).Where(n => !crashAfterNodeReceived || n != 20);
        Assert.Equal(expected, await SignerTestKit.MinedNoncesAsync(restarted.Eth, sent));
        Assert.Equal(onChain, await restarted.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_NonceUsedMeanwhileByAnotherSender_ReReadsAndLands()
    {
        var key = await SignerTestKit.FundedKeyAsync(anvil);
        using var rpcA = TestRpc.Create(anvil.RpcUrl);
        using var rpcB = TestRpc.Create(anvil.RpcUrl);
        using var a = new LocalKeySigner(rpcA.Eth, key, ChainId);
        using var b = new LocalKeySigner(rpcB.Eth, key, ChainId);
        var first = await a.SendAsync(SignerTestKit.Payment(1), CancellationToken.None);

        // b takes nonces 1..5 behind a's back; a's next nonce (1) is then "too low" for the node.
        var others = await Task.WhenAll(Enumerable.Range(2, 5).Select(i => b.SendAsync(SignerTestKit.Payment(i), CancellationToken.None)));
        var last = await a.SendAsync(SignerTestKit.Payment(7), CancellationToken.None);

        Assert.Equal(6, last.Nonce);
        Assert.Equal(Enumerable.Range(0, 7).Select(n => (long)n), await SignerTestKit.MinedNoncesAsync(rpcA.Eth, [first, .. others, last]));
    }

    [Fact]
    public async Task SendAsync_EarlierTransactionsDroppedFromThePool_SignsFromTheGapAndLeavesNone()
    {
        var key = await SignerTestKit.FundedKeyAsync(anvil);
        using var rpc = TestRpc.Create(anvil.RpcUrl);
        using var signer = new LocalKeySigner(rpc.Eth, key, ChainId);
        await anvil.RpcAsync("evm_setAutomine", false);
        try
        {
            var dropped = await signer.SendAsync(SignerTestKit.Payment(1), CancellationToken.None);
            var behind = await signer.SendAsync(SignerTestKit.Payment(2), CancellationToken.None);
            // An eviction; anvil drops what waits behind it too. The signer's own count (2) would leave nonces 0 and 1 unused.
            await anvil.RpcAsync("anvil_dropTransaction", dropped.Hash.ToString());

            var refill = await signer.SendAsync(SignerTestKit.Payment(3), CancellationToken.None);
            var next = await signer.SendAsync(SignerTestKit.Payment(4), CancellationToken.None);
            await anvil.RpcAsync("evm_mine");

            Assert.Equal((0L, 1L, 0L, 1L), (dropped.Nonce, behind.Nonce, refill.Nonce, next.Nonce));
            Assert.Equal(new long[] { 0, 1 }, await SignerTestKit.MinedNoncesAsync(rpc.Eth, [refill, next]));
            Assert.Equal(2, await rpc.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest, CancellationToken.None));
        }
        finally
        {
            await anvil.RpcAsync("evm_setAutomine", true);
        }
    }

    [Fact]
    public async Task SendAsync_Refused_NonceFreedAndKeyNotInTheError()
    {
        var keyBytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var key = await SignerTestKit.FundAsync(anvil, PrivateKey.FromBytes(keyBytes));
        using var rpc = TestRpc.Create(anvil.RpcUrl);
        using var signer = new LocalKeySigner(rpc.Eth, key, ChainId);

        // 10^21 wei exceeds the 10^20 the key holds: the node refuses it.
        var error = await Assert.ThrowsAsync<ChainSendException>(() => signer.SendAsync(SignerTestKit.Payment(0) with { Value = System.Numerics.BigInteger.Pow(10, 21) }, CancellationToken.None));
        var next = await signer.SendAsync(SignerTestKit.Payment(1), CancellationToken.None);

        Assert.True(error.Refused);
        Assert.Equal(0, next.Nonce);
        var keyHex = Convert.ToHexStringLower(keyBytes);
        Assert.DoesNotContain(keyHex, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(keyHex, key.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendAsync_Creation_DeploysAtTheCreateAddress()
    {
        var key = await SignerTestKit.FundedKeyAsync(anvil);
        using var rpc = TestRpc.Create(anvil.RpcUrl);
        using var signer = new LocalKeySigner(rpc.Eth, key, ChainId);
        // Creation code returning a 1-byte runtime 0x00 (STOP): PUSH1 0 PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 RETURN.
        var creation = Hex.Decode("0x600060005360016000f3");

        var sent = await signer.SendAsync(new TransactionIntent(null, creation), CancellationToken.None);

        var receipt = await new ReceiptWaiter(rpc.Eth).WaitAsync(sent.Hash, 1, CancellationToken.None);
        Assert.Equal(ContractAddress.FromCreate(key.Address, 0), receipt.ContractAddress);
    }
}
