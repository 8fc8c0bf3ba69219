using System.Numerics;

namespace CustodySettle.Domain.Margin;

/// <summary>Derive's published BTC/ETH perp margin rates (DOMAIN.md), 18-decimal fixed point.</summary>
public static class MarginRates
{
    /// <summary>Initial margin: 0.066.</summary>
    public static readonly BigInteger Initial = 66 * BigInteger.Pow(10, 15);

    /// <summary>Maintenance margin: 0.05.</summary>
    public static readonly BigInteger Maintenance = 5 * BigInteger.Pow(10, 16);
}
