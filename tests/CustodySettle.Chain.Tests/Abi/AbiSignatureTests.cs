using CustodySettle.Chain.Abi;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiSignatureTests
{
    [Fact]
    public void Parse_HumanReadable_NamesTypesAndIndexed()
    {
        var (name, parameters) = AbiSignature.Parse("Transfer(address indexed from, address indexed to, uint value)", allowIndexed: true);

        Assert.Equal("Transfer", name);
        Assert.Equal(["address indexed from", "address indexed to", "uint256 value"], parameters.Select(p => p.ToString()));
    }

    [Fact]
    public void ParseParameters_TupleWithCommas_SplitAtTopLevelOnly()
    {
        var parameters = AbiSignature.ParseParameters("(address,bool,bytes)[] calls, uint8", allowIndexed: false);

        Assert.Equal(2, parameters.Count);
        Assert.Equal("(address,bool,bytes)[]", parameters[0].Type.ToString());
        Assert.Equal("", parameters[1].Name);
    }

    [Theory]
    [InlineData("transfer")]
    [InlineData("(uint256)")]
    [InlineData("2fast(uint256)")]
    [InlineData("f(uint256 a b)")]
    [InlineData("f(uint256,)")]
    [InlineData("f(uint256 my-name)")]
    public void Parse_Malformed_FormatException(string signature)
    {
        Assert.Throws<FormatException>(() => AbiSignature.Parse(signature, allowIndexed: false));
    }

    [Fact]
    public void Format_CanonicalTypesNoSpaces()
    {
        var parameters = AbiSignature.ParseParameters("uint a, (int,string) b", allowIndexed: false);

        Assert.Equal("g(uint256,(int256,string))", AbiSignature.Format("g", parameters));
    }
}
