using System.Numerics;
using CustodySettle.Chain.Reading;
using CustodySettle.Domain.Errors;
using CustodySettle.Margin.Status;

namespace CustodySettle.Margin.Tests.Status;

/// <summary>How one read of a batch becomes a figure: a failed read never counts as zero.</summary>
public sealed class MarginStatusReaderTests
{
    [Fact]
    public void Value_Int256Word_DecodedSigned()
    {
        var word = new byte[32];
        Array.Fill(word, (byte)0xff); // -1 in two's complement

        Assert.Equal(BigInteger.MinusOne, MarginStatusReader.Value(new ViewResult(true, word), "position"));
    }

    [Theory]
    [InlineData(false, 32, "reverted")]
    [InlineData(true, 31, "short answer")]
    public void Value_FailedRead_UnavailableNamingTheRead(bool success, int length, string why)
    {
        var error = Assert.Throws<UnavailableException>(() => MarginStatusReader.Value(new ViewResult(success, new byte[length]), "PerpAssetBtc position of subaccount 7"));

        Assert.Contains("PerpAssetBtc position of subaccount 7", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}
