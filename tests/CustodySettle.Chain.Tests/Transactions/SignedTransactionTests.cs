using System.Numerics;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rlp;
using CustodySettle.Chain.Signing;
using CustodySettle.Chain.Tests.Signing;
using CustodySettle.Chain.Transactions;

namespace CustodySettle.Chain.Tests.Transactions;

public sealed class SignedTransactionTests
{
    private static readonly Address Anvil = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    [Fact]
    public void Parse_Eip155Example_FieldsAndSender()
    {
        var signed = SignedTransaction.Parse("0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");

        Assert.Equal(TransactionType.Legacy, signed.Type);
        Assert.Equal(1UL, signed.ChainId);
        Assert.Equal(9UL, signed.Nonce);
        Assert.Equal(new BigInteger(20_000_000_000), signed.Legacy!.GasPrice);
        Assert.Equal(21000UL, signed.GasLimit);
        Assert.Equal(Address.Parse("0x3535353535353535353535353535353535353535"), signed.To);
        Assert.Equal(BigInteger.Pow(10, 18), signed.Value);
        Assert.True(signed.Data.IsEmpty);
        Assert.Equal(Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"), signed.Sender);
    }

    [Fact]
    public void Parse_ViemPreEip155Legacy_NoChainIdAndSender()
    {
        // viem signTransaction.test.ts, "legacy" default: v = 0x1b, no chain id.
        var signed = SignedTransaction.Parse("0xf85182031184773594008252088080801ba0462e5dabe6d0e82ac9d2832d5ecc815e317669ae2eb018c2a07ae6f3a4763618a003214adcddee51ee1d46cb12a694f5520c851581fe53c543c8999d45fa18de07");

        Assert.Null(signed.ChainId);
        Assert.Equal(785UL, signed.Nonce);
        Assert.Null(signed.To);
        Assert.Equal(Anvil, signed.Sender);
        Assert.Equal(signed.Signature, PrivateKey.Parse(PrivateKeyTests.AnvilKey).Sign(signed.Legacy!.GetSigningHash()));
    }

    [Fact]
    public void Parse_ViemEip1559WithAccessList_FieldsAndSender()
    {
        var signed = SignedTransaction.Parse("0x02f8ac018203118080825208808080f85bf85994f39fd6e51aad88f6f4ce6ab8827279cfffb92266f842a00000000000000000000000000000000000000000000000000000000000000001a060fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe80a0df4810a25d0e147163b03e392bf083dc852702715b9ba848eb9821c70ce2c92ea00b6d11209ef326abaf83aa2443ba61851c7c8ca0813e347a04b501f584b03024");

        Assert.Equal(TransactionType.Eip1559, signed.Type);
        Assert.Equal(Anvil, signed.Sender);
        var entry = Assert.Single(signed.Eip1559!.AccessList);
        Assert.Equal(Anvil, entry.Address);
        Assert.Equal(2, entry.StorageKeys.Length);
    }

    [Fact]
    public void Decode_RandomSignedTransactions_RoundTrip()
    {
        var random = new Random(155);
        for (var i = 0; i < 100; i++)
        {
            var key = PrivateKey.Generate();
            var signed = i % 3 == 0 ? RandomLegacy(random).Sign(key) : RandomEip1559(random).Sign(key);

            var decoded = SignedTransaction.Decode(signed.RawBytes.Span);

            Assert.Equal(key.Address, decoded.Sender);
            Assert.Equal(signed.Hash, decoded.Hash);
            Assert.True(decoded.Signature.IsLowS);
            Assert.Equal(signed.Signature, decoded.Signature);
            Assert.Equal(signed.Nonce, decoded.Nonce);
            Assert.Equal(signed.To, decoded.To);
            Assert.Equal(signed.Value, decoded.Value);
            Assert.Equal(signed.Data.ToArray(), decoded.Data.ToArray());
            var resigned = decoded.Eip1559?.Sign(key) ?? decoded.Legacy!.Sign(key);
            Assert.Equal(signed.RawBytes.ToArray(), resigned.RawBytes.ToArray());
        }
    }

    [Theory]
    [InlineData("0x", "empty")]
    [InlineData("0x01c0", "type 0x01 is not supported")]
    [InlineData("0x03c0", "type 0x03 is not supported")]
    [InlineData("0x80", "neither a typed transaction")]
    [InlineData("0x02c0", "expected 12 items")]
    [InlineData("0xc0", "expected 9 items")]
    public void Decode_NotATransaction_FormatException(string hex, string reason)
    {
        var error = Assert.ThrowsAny<FormatException>(() => SignedTransaction.Parse(hex));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HighS_Rejected()
    {
        var signed = new Eip1559Transaction { ChainId = 1 }.Sign(PrivateKey.Parse(PrivateKeyTests.AnvilKey));
        var n = BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var malleable = new EcdsaSignature(signed.Signature.R, n - signed.Signature.S, (byte)(1 - signed.Signature.YParity));

        var raw = signed.Eip1559!.Encode(malleable);

        var error = Assert.Throws<FormatException>(() => SignedTransaction.Decode(raw));
        Assert.Contains("EIP-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TrailingByteOrTruncated_Rejected()
    {
        var raw = new Eip1559Transaction { ChainId = 1 }.Sign(PrivateKey.Parse(PrivateKeyTests.AnvilKey)).RawBytes.ToArray();

        Assert.ThrowsAny<FormatException>(() => SignedTransaction.Decode([.. raw, 0]));
        Assert.ThrowsAny<FormatException>(() => SignedTransaction.Decode(raw.AsSpan(0, raw.Length - 1)));
    }

    [Fact]
    public void Decode_LegacyBadV_Rejected()
    {
        var signed = new LegacyTransaction { ChainId = 1 }.Sign(PrivateKey.Parse(PrivateKeyTests.AnvilKey));
        var fields = RlpDecoder.Decode(signed.RawBytes.Span).AsList("tx");
        var raw = RlpEncoder.EncodeList(
            [.. fields.Take(6).Select(f => RlpEncoder.EncodeBytes(f.AsBytes("f"))), RlpEncoder.EncodeInteger(30), .. fields.Skip(7).Select(f => RlpEncoder.EncodeBytes(f.AsBytes("f")))]);

        var error = Assert.Throws<FormatException>(() => SignedTransaction.Decode(raw));
        Assert.Contains("EIP-155", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_TypeHashSenderNonce()
    {
        var signed = new Eip1559Transaction { ChainId = 1, Nonce = 4 }.Sign(PrivateKey.Parse(PrivateKeyTests.AnvilKey));

        Assert.Equal($"Eip1559 transaction {signed.Hash} from {Anvil}, nonce 4", signed.ToString());
    }

    private static Eip1559Transaction RandomEip1559(Random random) => new()
    {
        ChainId = (ulong)random.NextInt64(1, long.MaxValue),
        Nonce = (ulong)random.NextInt64(),
        MaxPriorityFeePerGas = random.NextInt64(0, 1_000_000_000),
        MaxFeePerGas = new BigInteger(random.NextInt64(1_000_000_000, long.MaxValue)) * random.Next(1, 1000),
        GasLimit = (ulong)random.Next(21000, 30_000_000),
        To = random.Next(4) == 0 ? null : Address.FromBytes(Bytes(random, 20)),
        Value = new BigInteger(Bytes(random, random.Next(0, 33)), isUnsigned: true),
        Data = Bytes(random, random.Next(0, 100)),
        AccessList = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => new AccessListEntry(
            Address.FromBytes(Bytes(random, 20)),
            [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Hash32.FromBytes(Bytes(random, 32)))]))],
    };

    private static LegacyTransaction RandomLegacy(Random random) => new()
    {
        ChainId = (ulong)random.NextInt64(1, long.MaxValue),
        Nonce = (ulong)random.NextInt64(),
        GasPrice = random.NextInt64(),
        GasLimit = (ulong)random.Next(21000, 30_000_000),
        To = random.Next(4) == 0 ? null : Address.FromBytes(Bytes(random, 20)),
        Value = new BigInteger(Bytes(random, random.Next(0, 33)), isUnsigned: true),
        Data = Bytes(random, random.Next(0, 100)),
    };

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
