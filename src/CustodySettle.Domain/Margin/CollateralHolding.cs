using System.Numerics;

namespace CustodySettle.Domain.Margin;

/// <summary>
/// Collateral a desk holds, as the credit support annex values it: <paramref name="Quantity"/> in the
/// asset's smallest unit (10^-<paramref name="Decimals"/>), <paramref name="Price18"/> in the settlement
/// currency per whole unit (18-decimal fixed point), and the eligible collateral's valuation percentage
/// (<paramref name="ValuationPercentage18"/>, 18 decimals: 0.9e18 counts 90 %: a 10 % haircut).
/// </summary>
public sealed record CollateralHolding(string AssetCode, BigInteger Quantity, int Decimals, BigInteger Price18, BigInteger ValuationPercentage18)
{
    /// <summary>
    /// The value in the settlement currency's smallest unit (10^-<paramref name="settlementDecimals"/>),
    /// rounded down: the desk is never credited a fraction of a unit it does not hold.
    /// </summary>
    public BigInteger ValueIn(int settlementDecimals)
    {
        if (Quantity.Sign < 0 || Price18.Sign < 0)
        {
            throw new Errors.InvalidFieldException(Quantity.Sign < 0 ? "quantity" : "price", "must not be negative");
        }

        if (ValuationPercentage18.Sign < 0 || ValuationPercentage18 > FixedPoint.One18)
        {
            throw new Errors.InvalidFieldException("valuation_percentage", "must be from 0 to 1e18 (100 %)");
        }

        // value = quantity / 10^decimals * price / 1e18 * percentage / 1e18 * 10^settlement: one division, one rounding.
        var numerator = Quantity * Price18 * ValuationPercentage18 * BigInteger.Pow(10, settlementDecimals);
        var denominator = BigInteger.Pow(10, Decimals) * FixedPoint.One18 * FixedPoint.One18;
        return FixedPoint.FloorDiv(numerator, denominator);
    }
}
