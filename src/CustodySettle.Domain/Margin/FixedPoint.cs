using System.Numerics;

namespace CustodySettle.Domain.Margin;

/// <summary>
/// Exact integer division with the rounding named, for signed values: BigInteger's own division
/// truncates toward zero, which rounds a negative quotient up. Margin arithmetic names its rounding
/// at every step so that it never favours the desk (issue 7, "Valuation").
/// </summary>
public static class FixedPoint
{
    /// <summary>1.0 in 18-decimal fixed point (Derive's prices, sizes and rates).</summary>
    public static readonly BigInteger One18 = BigInteger.Pow(10, 18);

    /// <summary>⌊a / b⌋ (toward negative infinity), b positive.</summary>
    public static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b.Sign, nameof(b));
        var q = BigInteger.DivRem(a, b, out var r);
        return r.Sign < 0 ? q - 1 : q;
    }

    /// <summary>⌈a / b⌉ (toward positive infinity), b positive.</summary>
    public static BigInteger CeilDiv(BigInteger a, BigInteger b)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b.Sign, nameof(b));
        var q = BigInteger.DivRem(a, b, out var r);
        return r.Sign > 0 ? q + 1 : q;
    }

    /// <summary><paramref name="value"/> rounded up to a multiple of <paramref name="unit"/> (unit positive).</summary>
    public static BigInteger RoundUpTo(BigInteger value, BigInteger unit) => CeilDiv(value, unit) * unit;

    /// <summary><paramref name="value"/> rounded down to a multiple of <paramref name="unit"/> (unit positive).</summary>
    public static BigInteger RoundDownTo(BigInteger value, BigInteger unit) => FloorDiv(value, unit) * unit;
}
