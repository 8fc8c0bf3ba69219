namespace CustodySettle.Access.Tests;

public sealed class ApiKeyTokenTests
{
    [Fact]
    public void Generate_TwoTokens_ParseToTheirOwnKeyIdsAndDiffer()
    {
        var (firstId, first) = ApiKeyToken.Generate();
        var (secondId, second) = ApiKeyToken.Generate();

        Assert.True(ApiKeyToken.TryParse(first, out var parsed));
        Assert.Equal(firstId, parsed);
        Assert.NotEqual(first, second);
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(4 + 32 + 1 + 43, first.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("csx_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("csk_0123456789abcdef0123456789abcdeg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("csk_0123456789abcdef0123456789abcdef-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("csk_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("csk_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("csk_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n")]
    public void TryParse_NotOfTheForm_IsFalse(string token)
    {
        Assert.False(ApiKeyToken.TryParse(token, out _));
    }

    [Fact]
    public void Hash_IsSha256OfTheUtf8Token()
    {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(ApiKeyToken.Hash("abc")));
    }

    [Fact]
    public void Matches_OnlyTheTokenItself()
    {
        var (_, token) = ApiKeyToken.Generate();
        var stored = ApiKeyToken.Hash(token);

        Assert.True(ApiKeyToken.Matches(token, stored));
        Assert.False(ApiKeyToken.Matches(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), stored));
    }
}
