using System.Numerics;
using System.Text;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rlp;

namespace CustodySettle.Chain.Tests.Rlp;

// Vectors from the RLP page of the Ethereum wiki (ethereum.org/developers/docs/data-structures-and-encoding/rlp)
// and the Yellow Paper, appendix B.
public sealed class RlpEncoderTests
{
    private const string Lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";

    [Theory]
    [InlineData("dog", "0x83646f67")]
    [InlineData("", "0x80")]
    [InlineData("a", "0x61")]
    public void EncodeBytes_Text_MatchesWiki(string text, string expected)
    {
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeBytes(Encoding.ASCII.GetBytes(text))));
    }

    [Fact]
    public void EncodeBytes_SingleZeroByte_IsItself()
    {
        Assert.Equal("0x00", Hex.Encode(RlpEncoder.EncodeBytes([0x00])));
        Assert.Equal("0x8180", Hex.Encode(RlpEncoder.EncodeBytes([0x80])));
    }

    [Fact]
    public void EncodeBytes_56ByteString_UsesLongForm()
    {
        var bytes = Encoding.ASCII.GetBytes(Lorem);
        Assert.Equal(56, bytes.Length);

        var encoded = RlpEncoder.EncodeBytes(bytes);

        Assert.Equal("0xb838" + Convert.ToHexStringLower(bytes), Hex.Encode(encoded));
    }

    [Fact]
    public void EncodeBytes_1024Bytes_TwoByteLength()
    {
        Assert.Equal("0xb90400", Hex.Encode(RlpEncoder.EncodeBytes(new byte[1024]).AsSpan(0, 3)));
    }

    [Theory]
    [InlineData(0, "0x80")]
    [InlineData(15, "0x0f")]
    [InlineData(127, "0x7f")]
    [InlineData(128, "0x8180")]
    [InlineData(1024, "0x820400")]
    public void EncodeInteger_Value_MinimalBigEndian(long value, string expected)
    {
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeInteger((ulong)value)));
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeInteger(new BigInteger(value))));
    }

    [Fact]
    public void EncodeInteger_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RlpEncoder.EncodeInteger(BigInteger.MinusOne));
    }

    [Fact]
    public void EncodeList_CatDog_MatchesWiki()
    {
        var encoded = RlpEncoder.EncodeList(RlpEncoder.EncodeBytes("cat"u8), RlpEncoder.EncodeBytes("dog"u8));

        Assert.Equal("0xc88363617483646f67", Hex.Encode(encoded));
    }

    [Fact]
    public void EncodeList_Empty_IsC0()
    {
        Assert.Equal("0xc0", Hex.Encode(RlpEncoder.EncodeList()));
    }

    [Fact]
    public void EncodeList_SetTheoreticalThree_MatchesWiki()
    {
        // [ [], [[]], [ [], [[]] ] ]
        var empty = RlpEncoder.EncodeList();
        var one = RlpEncoder.EncodeList(empty);
        var two = RlpEncoder.EncodeList(empty, one);

        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.Encode(RlpEncoder.EncodeList(empty, one, two)));
    }

    [Fact]
    public void EncodeList_LongPayload_UsesLongForm()
    {
        var items = Enumerable.Repeat(RlpEncoder.EncodeBytes(Encoding.ASCII.GetBytes(Lorem)), 2).ToArray();

        var encoded = RlpEncoder.EncodeList(items);

        Assert.Equal("0xf874b838", Hex.Encode(encoded.AsSpan(0, 4)));
        Assert.Equal(2 + (2 * 58), encoded.Length);
    }
}
