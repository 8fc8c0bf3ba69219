using System.Numerics;

namespace CustodySettle.Domain.Margin;

/// <summary>
/// Credit support arithmetic (ISDA CSA, DOMAIN.md): Credit Support Amount = Exposure + IA - Threshold,
/// floored at 0; Delivery Amount = CSA - value of collateral held, called only when at least the MTA and
/// rounded up to the rounding unit; Return Amount the mirror image, rounded down. Every rounding is
/// against the desk: exposure up, collateral value down, deliveries up, returns down, so a desk that
/// meets a call is never left under-collateralised by rounding.
/// </summary>
public static class MarginCalculator
{
    /// <summary>The sum of the positions' requirements, each rounded up.</summary>
    public static BigInteger Exposure(IEnumerable<PerpExposure> positions, int settlementDecimals) =>
        positions.Aggregate(BigInteger.Zero, (sum, p) => sum + p.RequirementIn(settlementDecimals));

    /// <summary>The sum of the holdings' haircut values, each rounded down.</summary>
    public static BigInteger CollateralValue(IEnumerable<CollateralHolding> holdings, int settlementDecimals) =>
        holdings.Aggregate(BigInteger.Zero, (sum, h) => sum + h.ValueIn(settlementDecimals));

    public static MarginDecision Decide(BigInteger exposure, BigInteger collateralValue, CreditSupportTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms.Validated();
        ArgumentOutOfRangeException.ThrowIfNegative(exposure.Sign, nameof(exposure));
        ArgumentOutOfRangeException.ThrowIfNegative(collateralValue.Sign, nameof(collateralValue));
        var csa = BigInteger.Max(exposure + terms.IndependentAmount - terms.Threshold, BigInteger.Zero);
        if (csa > collateralValue)
        {
            var delivery = FixedPoint.RoundUpTo(csa - collateralValue, terms.RoundingUnit);
            return delivery >= terms.MinimumTransferAmount && delivery.Sign > 0
                ? new MarginDecision(exposure, csa, collateralValue, MarginAction.Delivery, delivery)
                : new MarginDecision(exposure, csa, collateralValue, MarginAction.None, BigInteger.Zero);
        }

        var excess = FixedPoint.RoundDownTo(collateralValue - csa, terms.RoundingUnit);
        return excess >= terms.MinimumTransferAmount && excess.Sign > 0
            ? new MarginDecision(exposure, csa, collateralValue, MarginAction.Return, excess)
            : new MarginDecision(exposure, csa, collateralValue, MarginAction.None, BigInteger.Zero);
    }
}
