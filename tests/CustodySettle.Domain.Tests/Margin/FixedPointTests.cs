using System.Numerics;
using CustodySettle.Domain.Margin;

namespace CustodySettle.Domain.Tests.Margin;

public sealed class FixedPointTests
{
    [Theory]
    [InlineData(7, 2, 3, 4)]
    [InlineData(-7, 2, -4, -3)]
    [InlineData(6, 2, 3, 3)]
    [InlineData(-6, 2, -3, -3)]
    [InlineData(0, 5, 0, 0)]
    public void FloorDivAndCeilDiv_SignedVectors(long a, long b, long floor, long ceil)
    {
        Assert.Equal(new BigInteger(floor), FixedPoint.FloorDiv(a, b));
        Assert.Equal(new BigInteger(ceil), FixedPoint.CeilDiv(a, b));
    }

    [Theory]
    [InlineData(1001, 1000, 2000, 1000)]
    [InlineData(1000, 1000, 1000, 1000)]
    [InlineData(0, 1000, 0, 0)]
    public void RoundUpToAndDownTo_Vectors(long value, long unit, long up, long down)
    {
        Assert.Equal(new BigInteger(up), FixedPoint.RoundUpTo(value, unit));
        Assert.Equal(new BigInteger(down), FixedPoint.RoundDownTo(value, unit));
    }

    [Fact]
    public void FloorDiv_ZeroDivisor_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPoint.FloorDiv(1, 0));
    }
}
