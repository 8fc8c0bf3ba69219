using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiDecoderTests
{
    private const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";

    private static object[] Decode(string types, string hex) =>
        AbiDecoder.DecodeSequence(AbiType.Parse($"({types})").Components, Hex.Decode(hex));

    private static string Word(string hex) => hex.PadLeft(64, '0');

    [Theory]
    // Non-zero padding of value types.
    [InlineData("address", "0x0000000000000000000001" + "00f39fd6e51aad88f6f4ce6ab8827279cfffb92266", "non-zero padding")]
    [InlineData("bool", "0x0000000000000000000000000000000000000000000000000000000000000002", "is not a bool")]
    [InlineData("bool", "0x0100000000000000000000000000000000000000000000000000000000000001", "non-zero padding")]
    [InlineData("bytes2", "0xabcd000000000000000000000000000000000000000000000000000000000001", "non-zero padding")]
    // Integers outside their width.
    [InlineData("uint8", "0x0000000000000000000000000000000000000000000000000000000000000100", "outside the range of uint8")]
    [InlineData("int8", "0x0000000000000000000000000000000000000000000000000000000000000080", "outside the range of int8")]
    [InlineData("int8", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "outside the range of int8")]
    [InlineData("uint32", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "outside the range")]
    // Short data.
    [InlineData("uint256", "0x", "ends inside the heads")]
    [InlineData("uint256", "0x00000000000000000000000000000000000000000000000000000000000001", "ends inside the heads")]
    [InlineData("uint256,bool", "0x" + Zero, "ends inside the heads")]
    [InlineData("uint256[3]", "0x" + Zero + Zero, "ends inside the heads")]
    public void Decode_BadWord_Throws(string types, string hex, string reason)
    {
        var error = Assert.Throws<AbiDecodingException>(() => Decode(types, hex));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OffsetPastEnd_Throws()
    {
        var error = Assert.Throws<AbiDecodingException>(() => Decode("bytes", "0x" + Word("40") + Word("0")));

        Assert.Contains("offset 64 points past the end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HugeOffset_ThrowsWithoutOverflow()
    {
        Assert.Throws<AbiDecodingException>(() => Decode("string", "0x" + new string('f', 64)));
        Assert.Throws<AbiDecodingException>(() => Decode("string", "0x" + Word("80000000")));
        Assert.Throws<AbiDecodingException>(() => Decode("string", "0x" + Word("7fffffff")));
    }

    [Fact]
    public void Decode_LengthPastEnd_Throws()
    {
        var error = Assert.Throws<AbiDecodingException>(() => Decode("bytes", "0x" + Word("20") + Word("21") + Zero));

        Assert.Contains("length 33 runs past the end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ArrayLengthLargerThanData_ThrowsBeforeAllocating()
    {
        var error = Assert.Throws<AbiDecodingException>(() => Decode("uint256[]", "0x" + Word("20") + Word("7fffffff")));

        Assert.Contains("do not fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NonZeroPaddingAfterBytes_Throws()
    {
        var error = Assert.Throws<AbiDecodingException>(() => Decode("bytes", "0x" + Word("20") + Word("1") + "ab" + new string('0', 60) + "01"));

        Assert.Contains("non-zero padding after the content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MissingFinalPadding_Tolerated()
    {
        // Some hand-written returns stop at the last content byte; the content itself is all there.
        var values = Decode("bytes", "0x" + Word("20") + Word("2") + "abcd");

        Assert.Equal(new byte[] { 0xab, 0xcd }, values[0]);
    }

    [Fact]
    public void Decode_AliasedOffsets_BudgetStopsAmplification()
    {
        // 200 array elements all pointing at the same 1 KiB string: 200 KiB decoded from 8 KiB.
        var count = 200;
        var hex = "0x" + Word("20") + Word(count.ToString("x", System.Globalization.CultureInfo.InvariantCulture))
            + string.Concat(Enumerable.Repeat(Word((count * 32).ToString("x", System.Globalization.CultureInfo.InvariantCulture)), count))
            + Word("400") + new string('6', 2048);

        var error = Assert.Throws<AbiDecodingException>(() => Decode("string[]", hex));

        Assert.Contains("overlapping offsets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TrailingBytes_Ignored()
    {
        var values = Decode("uint8", "0x" + Word("5") + Word("ff"));

        Assert.Equal(new System.Numerics.BigInteger(5), values[0]);
    }

    [Fact]
    public void Decode_ErrorMessage_NamesThePath()
    {
        var error = Assert.Throws<AbiDecodingException>(() => Decode("uint8,(bool,bool)", "0x" + Word("1") + Word("1") + Word("2")));

        Assert.Contains("values[1][1]", error.Message, StringComparison.Ordinal);
    }
}
