using System.Numerics;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using CustodySettle.Chain.Signing;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Signers;

/// <summary>Fresh funded keys and checks on what a key's transactions did on anvil.</summary>
internal static class SignerTestKit
{
    public static readonly Address Recipient = Address.Parse("0x3535353535353535353535353535353535353535");

    /// <summary>A new random key with 100 ETH (anvil_setBalance), so each test starts at nonce 0.</summary>
    public static Task<PrivateKey> FundedKeyAsync(AnvilFixture anvil) => FundAsync(anvil, PrivateKey.Generate());

    /// <summary>Gives <paramref name="key"/>'s account 100 ETH.</summary>
    public static async Task<PrivateKey> FundAsync(AnvilFixture anvil, PrivateKey key)
    {
        await anvil.RpcAsync("anvil_setBalance", key.Address.ToLowerHex(), Hex.EncodeQuantity(BigInteger.Pow(10, 20)));
        return key;
    }

    public static TransactionIntent Payment(long wei) => new(Recipient, ReadOnlyMemory<byte>.Empty) { Value = wei, GasLimit = 21_000 };

    /// <summary>The nonces of mined transactions, each looked up on the node by hash.</summary>
    public static async Task<long[]> MinedNoncesAsync(EthClient eth, IEnumerable<SentTransaction> sent)
    {
        var nonces = new List<long>();
        foreach (var transaction in sent)
        {
            var receipt = await new ReceiptWaiter(eth, pollInterval: TimeSpan.FromMilliseconds(20)).WaitAsync(transaction.Hash, 1, CancellationToken.None);
            Assert.True(receipt.Succeeded);
            var details = await eth.GetTransactionByHashAsync(transaction.Hash, CancellationToken.None);
            Assert.NotNull(details);
            Assert.Equal(transaction.Nonce, details.Nonce);
            nonces.Add(details.Nonce);
        }

        return [.. nonces.Order()];
    }
}
