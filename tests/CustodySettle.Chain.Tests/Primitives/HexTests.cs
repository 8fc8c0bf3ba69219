using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Primitives;

public sealed class HexTests
{
    [Theory]
    // execution-apis' QUANTITY examples: 0x41 (65), 0x400 (1024), 0x0 for zero.
    [InlineData(0, "0x0")]
    [InlineData(65, "0x41")]
    [InlineData(1024, "0x400")]
    public void EncodeQuantity_Value_ShortestForm(long value, string expected)
    {
        Assert.Equal(expected, Hex.EncodeQuantity(value));
        Assert.Equal(expected, Hex.EncodeQuantity(new BigInteger(value)));
        Assert.Equal(value, Hex.DecodeQuantityInt64(expected));
    }

    [Fact]
    public void Quantity_MaxUint256_RoundTrips()
    {
        var max = (BigInteger.One << 256) - 1;
        Assert.Equal(max, Hex.DecodeQuantity(Hex.EncodeQuantity(max)));
    }

    [Theory]
    [InlineData("0x0")]
    [InlineData("004142")]
    [InlineData("0xzz")]
    public void TryDecode_InvalidData_Rejected(string text)
    {
        Assert.False(Hex.TryDecode(text, out _));
    }

    [Fact]
    public void Decode_EmptyData_IsEmpty()
    {
        // "0x" is the empty DATA value (an eth_call of a function that returns nothing).
        Assert.Empty(Hex.Decode("0x"));
    }

    [Fact]
    public void DecodeQuantity_TooBigForInt64_Throws()
    {
        Assert.Throws<FormatException>(() => Hex.DecodeQuantityInt64("0x10000000000000000"));
    }
}
