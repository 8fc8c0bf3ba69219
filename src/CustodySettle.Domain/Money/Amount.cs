using System.Globalization;
using System.Numerics;

namespace CustodySettle.Domain.Money;

/// <summary>
/// An exact, non-negative quantity of an asset in its smallest unit (wei, the 6-decimal USDC unit, ...),
/// at most 78 decimal digits: every uint256, as on chain and as PostgreSQL's numeric(78,0) stores it.
/// Never a floating-point number.
/// </summary>
public readonly record struct Amount : IComparable<Amount>
{
    /// <summary>The largest amount: 10^78 - 1.</summary>
    public static readonly Amount MaxValue = new(BigInteger.Pow(10, 78) - 1);

    public static readonly Amount Zero = new(BigInteger.Zero);

    public Amount(BigInteger value)
    {
        if (value.Sign < 0 || value > BigInteger.Pow(10, 78) - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "an amount is a whole number from 0 to 10^78 - 1");
        }

        Value = value;
    }

    public BigInteger Value { get; }

    public bool IsZero => Value.IsZero;

    /// <summary>Parses a plain decimal integer ("1000000"); no sign, separators or exponent.</summary>
    public static bool TryParse(string? text, out Amount amount)
    {
        amount = Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 78 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        amount = new Amount(BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The sum, or false when it would pass <see cref="MaxValue"/>.</summary>
    public bool TryAdd(Amount other, out Amount sum)
    {
        var value = Value + other.Value;
        sum = value <= MaxValue.Value ? new Amount(value) : Zero;
        return value <= MaxValue.Value;
    }

    /// <summary>The difference, or false when it would be negative.</summary>
    public bool TrySubtract(Amount other, out Amount difference)
    {
        var value = Value - other.Value;
        difference = value.Sign >= 0 ? new Amount(value) : Zero;
        return value.Sign >= 0;
    }

    public int CompareTo(Amount other) => Value.CompareTo(other.Value);

    public static bool operator <(Amount left, Amount right) => left.Value < right.Value;

    public static bool operator >(Amount left, Amount right) => left.Value > right.Value;

    public static bool operator <=(Amount left, Amount right) => left.Value <= right.Value;

    public static bool operator >=(Amount left, Amount right) => left.Value >= right.Value;

    /// <summary>The plain decimal integer, invariant culture.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
