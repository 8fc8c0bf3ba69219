using CustodySettle.Chain.Abi;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiTypeTests
{
    [Fact]
    public void Equals_SameCanonicalForm_Equal()
    {
        Assert.Equal(AbiType.Parse("uint"), AbiType.Parse("uint256"));
        Assert.Equal(AbiType.Parse("uint").GetHashCode(), AbiType.Parse("uint256").GetHashCode());
        Assert.NotEqual(AbiType.Parse("uint256"), AbiType.Parse("int256"));
    }

    [Fact]
    public void ArrayOf_And_TupleOf_BuildCanonicalTypes()
    {
        var call = AbiType.TupleOf(AbiType.Parse("address"), AbiType.Parse("bool"), AbiType.Parse("bytes"));

        Assert.Equal("(address,bool,bytes)[]", AbiType.ArrayOf(call).ToString());
        Assert.Equal("(address,bool,bytes)[4]", AbiType.ArrayOf(call, 4).ToString());
        Assert.Equal(call, AbiType.ArrayOf(call).ElementType);
        Assert.Equal(4, AbiType.ArrayOf(call, 4).Length);
    }

    [Fact]
    public void ArrayOf_ZeroLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.ArrayOf(AbiType.Parse("bool"), 0));
    }

    [Fact]
    public void TupleOf_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => AbiType.TupleOf());
    }
}
