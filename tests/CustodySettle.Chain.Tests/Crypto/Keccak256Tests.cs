using System.Security.Cryptography;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Crypto;

public sealed class Keccak256Tests
{
    [Theory]
    // Known Keccak-256 vectors: the empty string (Ethereum's empty code hash) and "abc".
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    // The well-known ERC-20 selector source and event topic.
    [InlineData("Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    public void HashUtf8_KnownInput_MatchesVector(string input, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Keccak256.HashUtf8(input)));
    }

    [Fact]
    public void Hash_Empty_DiffersFromFipsSha3()
    {
        // SHA3-256("") is a7ffc6f8...; Ethereum's Keccak uses the pre-standard padding.
        Assert.NotEqual(Keccak256.Hash([]), SHA3_256.IsSupported ? SHA3_256.HashData([]) : Convert.FromHexString("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"));
    }

    [Fact]
    public void Hash_ShortDestination_Throws()
    {
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1], new byte[31]));
    }
}
