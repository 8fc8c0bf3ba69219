using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Signers;
using CustodySettle.Chain.Tests.Rpc;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Signers;

public sealed class RemoteSignerTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    // anvil's dev account 9: unlocked, untouched by the other tests of this class.
    private static readonly Address DevAccount9 = Address.Parse("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");

    [Fact]
    public async Task SendAsync_UnlockedAccount_NodeSignsAndMines()
    {
        using var rpc = TestRpc.Create(anvil.RpcUrl);
        using var signer = new RemoteSigner(rpc.Eth, DevAccount9);

        var sent = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => signer.SendAsync(SignerTestKit.Payment(i), CancellationToken.None)));

        Assert.All(sent, s => Assert.Equal(DevAccount9, s.From));
        var nonces = await SignerTestKit.MinedNoncesAsync(rpc.Eth, sent);
        Assert.Equal(nonces.Distinct().Count(), nonces.Length);
        Assert.Equal(nonces[0] + 9, nonces[^1]);
    }

    [Fact]
    public async Task SendAsync_TwoSendersOfOneAccount_ANonceTakenMeanwhileIsSentAgain_EverySendMinedOnce()
    {
        var account = Address.Parse("0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f"); // anvil's dev account 7
        using var rpc = TestRpc.Create(anvil.RpcUrl);
        using var first = new RemoteSigner(rpc.Eth, account);
        using var second = new RemoteSigner(rpc.Eth, account);

        var sent = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => (i % 2 == 0 ? first : second).SendAsync(SignerTestKit.Payment(i), CancellationToken.None)));

        var nonces = await SignerTestKit.MinedNoncesAsync(rpc.Eth, sent);
        Assert.Equal(10, nonces.Distinct().Count());
    }

    [Fact]
    public async Task SendAsync_AccountTheEndpointDoesNotHold_Refused()
    {
        using var rpc = TestRpc.Create(anvil.RpcUrl);
        using var signer = new RemoteSigner(rpc.Eth, SignerTestKit.Recipient);

        var error = await Assert.ThrowsAsync<ChainSendException>(() => signer.SendAsync(SignerTestKit.Payment(1), CancellationToken.None));

        Assert.True(error.Refused);
        Assert.NotNull(error.RpcError);
    }
}
