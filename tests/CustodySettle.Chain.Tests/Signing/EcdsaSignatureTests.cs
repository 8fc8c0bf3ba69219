using System.Numerics;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Signing;

namespace CustodySettle.Chain.Tests.Signing;

public sealed class EcdsaSignatureTests
{
    private static readonly BigInteger N = BigInteger.Parse(
        "0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
        System.Globalization.NumberStyles.HexNumber,
        System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ToBytes_FromBytes_RoundTripWithV27()
    {
        var signature = PrivateKey.Parse(PrivateKeyTests.AnvilKey).Sign(Hash32.Zero);

        var bytes = signature.ToBytes();

        Assert.Equal(65, bytes.Length);
        Assert.Equal(27 + signature.YParity, bytes[64]);
        Assert.Equal(signature, EcdsaSignature.FromBytes(bytes));
        bytes[64] -= 27;
        Assert.Equal(signature, EcdsaSignature.FromBytes(bytes));
    }

    [Fact]
    public void ToBytes_SmallR_LeftPadded()
    {
        var bytes = new EcdsaSignature(1, 2, 1).ToBytes();

        Assert.Equal("0x" + "1".PadLeft(64, '0') + "2".PadLeft(64, '0') + "1c", Hex.Encode(bytes));
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 0, 0)]
    [InlineData(1, 1, 2)]
    [InlineData(-1, 1, 0)]
    public void Constructor_OutOfRange_Throws(int r, int s, byte parity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcdsaSignature(r, s, parity));
    }

    [Fact]
    public void Constructor_RAtOrderN_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcdsaSignature(N, 1, 0));
    }

    [Fact]
    public void IsLowS_AboveHalfOrder_False()
    {
        Assert.True(new EcdsaSignature(1, N / 2, 0).IsLowS);
        Assert.False(new EcdsaSignature(1, (N / 2) + 1, 0).IsLowS);
    }

    [Fact]
    public void FromBytes_BadV_Throws()
    {
        var bytes = new EcdsaSignature(1, 2, 0).ToBytes();
        bytes[64] = 29;

        Assert.Throws<FormatException>(() => EcdsaSignature.FromBytes(bytes));
        Assert.Throws<FormatException>(() => EcdsaSignature.FromBytes(bytes.AsSpan(0, 64)));
    }
}
