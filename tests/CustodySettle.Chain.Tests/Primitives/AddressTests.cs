using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Primitives;

public sealed class AddressTests
{
    // The test vectors of EIP-55 itself.
    public static TheoryData<string> Eip55Examples => new()
    {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
    };

    [Theory]
    [MemberData(nameof(Eip55Examples))]
    public void ToString_Eip55Example_RoundTripsChecksum(string checksummed)
    {
        Assert.Equal(checksummed, Address.Parse(checksummed.ToLowerInvariant()).ToString());
    }

    [Fact]
    public void Parse_WrongChecksum_Throws()
    {
        var error = Assert.Throws<FormatException>(() => Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        Assert.Contains("EIP-55", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    public void TryParse_SingleCase_Accepted(string text)
    {
        Assert.True(Address.TryParse(text, out var address));
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", address.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beazz")]
    public void TryParse_Malformed_Rejected(string? text)
    {
        Assert.False(Address.TryParse(text, out _));
    }

    [Fact]
    public void Default_IsZeroAddress()
    {
        Assert.Equal(Address.Zero, default);
        Assert.Equal("0x0000000000000000000000000000000000000000", default(Address).ToString());
    }
}
