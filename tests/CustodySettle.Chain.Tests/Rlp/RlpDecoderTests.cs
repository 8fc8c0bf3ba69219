using System.Text;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rlp;

namespace CustodySettle.Chain.Tests.Rlp;

public sealed class RlpDecoderTests
{
    [Fact]
    public void Decode_CatDog_ListOfTwoStrings()
    {
        var item = RlpDecoder.Decode(Hex.Decode("0xc88363617483646f67"));

        var items = item.AsList("root", 2);
        Assert.Equal("cat", Encoding.ASCII.GetString(items[0].AsBytes("0")));
        Assert.Equal("dog", Encoding.ASCII.GetString(items[1].AsBytes("1")));
    }

    [Fact]
    public void Decode_SetTheoreticalThree_Nested()
    {
        var items = RlpDecoder.Decode(Hex.Decode("0xc7c0c1c0c3c0c1c0")).AsList("root", 3);

        Assert.Empty(items[0].AsList("0"));
        Assert.Empty(Assert.Single(items[1].AsList("1")).AsList("1.0"));
        Assert.Equal(2, items[2].AsList("2").Count);
    }

    [Fact]
    public void Decode_LongString_RoundTrips()
    {
        var bytes = Enumerable.Range(0, 1024).Select(i => (byte)i).ToArray();

        var item = RlpDecoder.Decode(RlpEncoder.EncodeBytes(bytes));

        Assert.Equal(bytes, item.AsBytes("root").ToArray());
    }

    [Theory]
    [InlineData("0x80", 0)]
    [InlineData("0x0f", 15)]
    [InlineData("0x820400", 1024)]
    public void AsUInt64_CanonicalInteger_Decoded(string hex, long expected)
    {
        Assert.Equal((ulong)expected, RlpDecoder.Decode(Hex.Decode(hex)).AsUInt64("n"));
    }

    [Theory]
    [InlineData("0x8100", "single byte below 0x80")]
    [InlineData("0x817f", "single byte below 0x80")]
    [InlineData("0xb837", "short form")]
    [InlineData("0xb800", "leading zero")]
    [InlineData("0xb90038", "leading zero")]
    [InlineData("0xf837", "short form")]
    [InlineData("0x83646f", "past the end")]
    [InlineData("0x83646f6700", "trailing")]
    [InlineData("0xc583646f67", "past the end")]
    [InlineData("0xc2836f", "past the end")]
    [InlineData("0x", "end of RLP input")]
    [InlineData("0xbc", "past the end")]
    [InlineData("0xbb80000000", "31 bits")]
    public void Decode_NonCanonicalOrTruncated_Throws(string hex, string expectedMessage)
    {
        var error = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode(hex)));

        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsInteger_LeadingZero_Throws()
    {
        var item = RlpDecoder.Decode(Hex.Decode("0x820004"));

        Assert.Throws<RlpException>(() => item.AsInteger("nonce"));
    }

    [Fact]
    public void AsUInt64_MoreThanEightBytes_Throws()
    {
        var item = RlpDecoder.Decode(Hex.Decode("0x89010000000000000000"));

        Assert.Throws<RlpException>(() => item.AsUInt64("nonce"));
    }

    [Fact]
    public void Decode_DeepNesting_ThrowsInsteadOfOverflowingTheStack()
    {
        var nested = RlpEncoder.EncodeList();
        for (var i = 0; i < 40; i++)
        {
            nested = RlpEncoder.EncodeList(nested);
        }

        Assert.Throws<RlpException>(() => RlpDecoder.Decode(nested));
    }

    [Fact]
    public void AsOptionalAddress_WrongLength_Throws()
    {
        Assert.Null(RlpDecoder.Decode([0x80]).AsOptionalAddress("to"));
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("0x821234")).AsOptionalAddress("to"));
    }

    [Fact]
    public void AsList_OnString_Throws()
    {
        Assert.Throws<RlpException>(() => RlpDecoder.Decode([0x80]).AsList("tx"));
        Assert.Throws<RlpException>(() => RlpDecoder.Decode([0xc0]).AsBytes("data"));
    }
}
