using CustodySettle.Chain.Abi;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiTypeParserTests
{
    [Theory]
    [InlineData("uint256", "uint256")]
    [InlineData("uint", "uint256")]
    [InlineData("int", "int256")]
    [InlineData("uint8", "uint8")]
    [InlineData("int24", "int24")]
    [InlineData("address", "address")]
    [InlineData("bool", "bool")]
    [InlineData("bytes1", "bytes1")]
    [InlineData("bytes32", "bytes32")]
    [InlineData("bytes", "bytes")]
    [InlineData("string", "string")]
    [InlineData("uint[]", "uint256[]")]
    [InlineData("bytes3[2]", "bytes3[2]")]
    [InlineData("uint[][3][]", "uint256[][3][]")]
    [InlineData("(address,bool,bytes)[]", "(address,bool,bytes)[]")]
    [InlineData("(uint,(int,string[])[2])", "(uint256,(int256,string[])[2])")]
    public void Parse_ValidType_CanonicalToString(string text, string canonical)
    {
        Assert.Equal(canonical, AbiType.Parse(text).ToString());
    }

    [Theory]
    [InlineData("uint256", AbiTypeKind.UnsignedInteger, 256, false)]
    [InlineData("int8", AbiTypeKind.SignedInteger, 8, false)]
    [InlineData("bytes10", AbiTypeKind.FixedBytes, 10, false)]
    [InlineData("bytes", AbiTypeKind.Bytes, 0, true)]
    [InlineData("string", AbiTypeKind.Text, 0, true)]
    [InlineData("uint32[]", AbiTypeKind.DynamicArray, 0, true)]
    [InlineData("uint32[2]", AbiTypeKind.FixedArray, 0, false)]
    [InlineData("string[2]", AbiTypeKind.FixedArray, 0, true)]
    [InlineData("(uint8,bool)", AbiTypeKind.Tuple, 0, false)]
    [InlineData("(uint8,bytes)", AbiTypeKind.Tuple, 0, true)]
    public void Parse_ValidType_KindSizeAndDynamism(string text, AbiTypeKind kind, int size, bool dynamic)
    {
        var type = AbiType.Parse(text);

        Assert.Equal(kind, type.Kind);
        Assert.Equal(size, type.Size);
        Assert.Equal(dynamic, type.IsDynamic);
    }

    [Fact]
    public void Parse_StaticNestedType_HeadSizeIsWholeEncoding()
    {
        Assert.Equal(6 * 32, AbiType.Parse("(uint8,bool)[3]").HeadSize);
        Assert.Equal(32, AbiType.Parse("(uint8,bytes)[3]").HeadSize);
    }

    [Theory]
    [InlineData("", "expected a type name")]
    [InlineData("uint7", "outside 8..256")]
    [InlineData("uint12", "multiple of 8")]
    [InlineData("uint264", "outside 8..256")]
    [InlineData("uint0", "leading zeros")]
    [InlineData("uint08", "leading zeros")]
    [InlineData("int512", "outside")]
    [InlineData("bytes0", "leading zeros")]
    [InlineData("bytes33", "outside 1..32")]
    [InlineData("address payable", "unexpected ' '")]
    [InlineData("uint256[", "missing ']'")]
    [InlineData("uint256[0]", "leading zeros")]
    [InlineData("uint256[-1]", "leading zeros")]
    [InlineData("uint256[x]", "leading zeros")]
    [InlineData("(uint256", "missing ')'")]
    [InlineData("(uint256;bool)", "expected ',' or ')'")]
    [InlineData("()", "empty tuple")]
    [InlineData("(uint256,)", "expected a type name")]
    [InlineData("uint256)", "unexpected ')'")]
    [InlineData("fixed128x18", "not supported")]
    [InlineData("ufixed", "not supported")]
    [InlineData("function", "not supported")]
    [InlineData("tuple", "unknown type 'tuple'")]
    [InlineData("Uint256", "unknown type")]
    [InlineData("uint256[1000000][1000000]", "1 GiB")]
    public void Parse_InvalidType_FormatExceptionNamesTheProblem(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => AbiType.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid ABI type '{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedTooDeep_Throws()
    {
        Assert.Throws<FormatException>(() => AbiType.Parse("uint8" + string.Concat(Enumerable.Repeat("[]", 40))));
        Assert.Throws<FormatException>(() => AbiType.Parse(new string('(', 40) + "uint8" + new string(')', 40)));
    }

    [Fact]
    public void ApplySuffixes_TupleArray_AppliesInOrder()
    {
        var tuple = AbiType.Parse("(address,uint256)");

        Assert.Equal("(address,uint256)[2][]", AbiTypeParser.ApplySuffixes(tuple, "[2][]").ToString());
        Assert.Same(tuple, AbiTypeParser.ApplySuffixes(tuple, ""));
    }
}
