using System.Numerics;
using CustodySettle.Domain.Money;

namespace CustodySettle.Domain.Tests.Money;

public sealed class AmountTests
{
    private static readonly BigInteger TenTo78 = BigInteger.Pow(10, 78);

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("1000000")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935")] // 2^256 - 1
    public void TryParse_PlainIntegers_RoundTripExactly(string text)
    {
        Assert.True(Amount.TryParse(text, out var amount));
        Assert.Equal(text, amount.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.5")]
    [InlineData("1e6")]
    [InlineData("1,000")]
    [InlineData(" 1")]
    [InlineData("١")] // Arabic-Indic digit: not ASCII
    public void TryParse_AnythingButPlainDigits_Rejected(string? text)
    {
        Assert.False(Amount.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_SeventyNineDigits_Rejected()
    {
        Assert.False(Amount.TryParse(new string('9', 79), out _));
        Assert.True(Amount.TryParse(new string('9', 78), out var max));
        Assert.Equal(Amount.MaxValue, max);
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Amount(BigInteger.MinusOne));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Amount(TenTo78));
    }

    [Fact]
    public void TryAdd_AtTheMaximum_RefusesInsteadOfWrapping()
    {
        Assert.True(Amount.MaxValue.TryAdd(Amount.Zero, out var same));
        Assert.Equal(Amount.MaxValue, same);
        Assert.False(Amount.MaxValue.TryAdd(new Amount(1), out _));
    }

    [Fact]
    public void TrySubtract_BelowZero_Refuses()
    {
        Assert.True(new Amount(5).TrySubtract(new Amount(5), out var zero));
        Assert.True(zero.IsZero);
        Assert.False(new Amount(5).TrySubtract(new Amount(6), out _));
    }

    [Fact]
    public void Arithmetic_RandomLargeValues_MatchesBigInteger()
    {
        var random = new Random(78);
        for (var i = 0; i < 1_000; i++)
        {
            var a = RandomBelow(random, TenTo78);
            var b = RandomBelow(random, TenTo78);

            var added = new Amount(a).TryAdd(new Amount(b), out var sum);
            var subtracted = new Amount(a).TrySubtract(new Amount(b), out var difference);

            Assert.Equal(a + b < TenTo78, added);
            Assert.Equal(added ? a + b : BigInteger.Zero, sum.Value);
            Assert.Equal(a >= b, subtracted);
            Assert.Equal(subtracted ? a - b : BigInteger.Zero, difference.Value);
            Assert.Equal(a.CompareTo(b), new Amount(a).CompareTo(new Amount(b)));
        }
    }

    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[^1] = 0; // non-negative
        return new BigInteger(bytes) % bound;
    }
}
