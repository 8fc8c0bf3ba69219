using System.Numerics;

namespace CustodySettle.Domain.Margin;

/// <summary>
/// One perp position as the margin engine sees it, Derive v2's units (18-decimal fixed point):
/// <paramref name="Size18"/> signed (positive long), <paramref name="MarkPrice18"/>, the margin
/// <paramref name="Rate18"/> (initial 0.066e18 or maintenance 0.05e18 for BTC/ETH perps), and
/// <paramref name="UnsettledCash18"/>, PerpAsset's <c>getUnsettledAndUnrealizedCash</c> (unrealized PnL
/// plus unsettled funding, signed: negative is owed by the desk).
/// </summary>
public sealed record PerpExposure(BigInteger Size18, BigInteger MarkPrice18, BigInteger Rate18, BigInteger UnsettledCash18)
{
    /// <summary>
    /// What the desk owes the venue if closed now (DOMAIN.md: "perp requirement = -|size| x perpPrice x rate"),
    /// plus its unrealized loss (minus its gain), in the settlement currency's smallest unit, rounded up.
    /// Never below zero: a gain larger than the requirement is not exposure (it is cash the venue owes).
    /// </summary>
    public BigInteger RequirementIn(int settlementDecimals)
    {
        if (MarkPrice18.Sign < 0 || Rate18.Sign < 0)
        {
            throw new Errors.InvalidFieldException(MarkPrice18.Sign < 0 ? "mark_price" : "rate", "must not be negative");
        }
        // |size| x mark x rate carries three 18-decimal scales (1e54); the PnL one (1e18), so it is raised to
        // 1e54 too. One division at the end, rounded up: no intermediate truncation can favour the desk.
        var scale54 = FixedPoint.One18 * FixedPoint.One18 * FixedPoint.One18;
        var requirement54 = (BigInteger.Abs(Size18) * MarkPrice18 * Rate18) - (UnsettledCash18 * FixedPoint.One18 * FixedPoint.One18);
        var units = FixedPoint.CeilDiv(requirement54 * BigInteger.Pow(10, settlementDecimals), scale54);
        return BigInteger.Max(units, BigInteger.Zero);
    }
}
