using System.Numerics;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Signing;

namespace CustodySettle.Chain.Tests.Signing;

public sealed class PrivateKeyTests
{
    // anvil's and hardhat's first dev account (mnemonic "test test ... junk"), public knowledge.
    internal const string AnvilKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    // The key of the EIP-155 example.
    internal const string Eip155Key = "0x4646464646464646464646464646464646464646464646464646464646464646";

    private const string OrderN = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    [Theory]
    [InlineData(AnvilKey, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [InlineData(Eip155Key, "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")]
    // web3.js's eth.accounts.signTransaction test account.
    [InlineData("0xbe6383dad004f233317e46ddb46ad31b16064d14447a95cc1d8c8d4bc61c3728", "0xEB014f8c8B418Db6b45774c326A0E64C78914dC0")]
    // anvil's second dev account.
    [InlineData("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")]
    public void Address_KnownKey_MatchesKnownAddress(string key, string address)
    {
        Assert.Equal(Address.Parse(address), PrivateKey.Parse(key).Address);
    }

    [Fact]
    public void Sign_Eip155ExampleHash_MatchesPublishedSignature()
    {
        // EIP-155's example: the signing hash of the transaction and its (r, s, v = 37 → parity 0).
        var hash = Hash32.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");

        var signature = PrivateKey.Parse(Eip155Key).Sign(hash);

        Assert.Equal(Parse("28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"), signature.R);
        Assert.Equal(Parse("67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"), signature.S);
        Assert.Equal(0, signature.YParity);
    }

    [Fact]
    public void Sign_RandomKeysAndHashes_RecoversSignerWithLowS()
    {
        var random = new Random(1559);
        for (var i = 0; i < 200; i++)
        {
            var key = i % 2 == 0 ? PrivateKey.Generate() : PrivateKey.FromBytes(RandomBytes(random, 32, nonZero: true));
            var hash = Hash32.FromBytes(RandomBytes(random, 32, nonZero: false));

            var signature = key.Sign(hash);

            Assert.True(signature.IsLowS, $"iteration {i}: high s");
            Assert.Equal(key.Address, Secp256k1.Recover(hash, signature));
        }
    }

    [Fact]
    public void Sign_SameHash_Deterministic()
    {
        var key = PrivateKey.Parse(AnvilKey);
        var hash = Hash32.Parse("0x" + new string('1', 64));

        Assert.Equal(key.Sign(hash), key.Sign(hash));
    }

    [Fact]
    public void ToString_NeverRevealsTheKey()
    {
        var key = PrivateKey.Parse(AnvilKey);

        var text = key.ToString();

        Assert.Equal("PrivateKey(for 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)", text);
        Assert.DoesNotContain("ac0974", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ac0974", $"{key}", StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x" + OrderN)]
    [InlineData("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0")]
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff")]
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff8000")]
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2fzz")]
    [InlineData("")]
    public void Parse_InvalidKey_FormatExceptionWithoutTheInput(string text)
    {
        var error = Assert.Throws<FormatException>(() => PrivateKey.Parse(text));

        if (text.Length > 4)
        {
            Assert.DoesNotContain(text[4..20], error.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void FromBytes_LargestValidKey_Accepted()
    {
        var nMinusOne = Convert.FromHexString(OrderN);
        nMinusOne[^1]--;

        Assert.NotEqual(default, PrivateKey.FromBytes(nMinusOne).Address);
        Assert.Throws<ArgumentException>(() => PrivateKey.FromBytes(new byte[31]));
    }

    [Fact]
    public void PublicKey_Is64BytesAndHashesToTheAddress()
    {
        var key = PrivateKey.Parse(AnvilKey);

        Assert.Equal(64, key.PublicKey.Length);
        Assert.Equal(key.Address.Bytes.ToArray(), Keccak256.Hash(key.PublicKey.Span).AsSpan(12).ToArray());
    }

    private static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);

    private static byte[] RandomBytes(Random random, int length, bool nonZero)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (nonZero)
        {
            bytes[0] = (byte)Math.Max(1, bytes[0] & 0x7f);
        }

        return bytes;
    }
}
