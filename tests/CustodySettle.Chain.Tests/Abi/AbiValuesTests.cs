using System.Numerics;
using CustodySettle.Chain.Abi;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiValuesTests
{
    private static AbiValues CreateSut() => AbiFunction.Parse("f()", "uint256 amount, bool ok").DecodeOutput(
        AbiFunction.Parse("f()", "uint256 amount, bool ok").EncodeOutput(7, true));

    [Fact]
    public void Get_ByNameAndIndex_Typed()
    {
        var values = CreateSut();

        Assert.Equal(new BigInteger(7), values.Get<BigInteger>("amount"));
        Assert.True(values.Get<bool>(1));
        Assert.Equal(2, values.Count);
    }

    [Fact]
    public void Get_UnknownName_ListsTheNames()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => CreateSut()["amt"]);

        Assert.Contains("'amount', 'ok'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_WrongType_InvalidCast()
    {
        var error = Assert.Throws<InvalidCastException>(() => CreateSut().Get<string>("ok"));

        Assert.Contains("Boolean", error.Message, StringComparison.Ordinal);
    }
}
