using System.Numerics;

namespace CustodySettle.Domain.Margin;

/// <summary>
/// A desk's credit support terms (ISDA CSA concepts, DOMAIN.md), amounts in the settlement currency's
/// smallest unit: the independent amount added to exposure, the threshold of unsecured exposure
/// tolerated, the minimum transfer amount (no call or return below it), the rounding unit (a delivery
/// rounds up to it, a return down), and the call's timing: cut-off, delivery deadline, cure period.
/// </summary>
public sealed record CreditSupportTerms(
    BigInteger IndependentAmount,
    BigInteger Threshold,
    BigInteger MinimumTransferAmount,
    BigInteger RoundingUnit,
    TimeSpan DeliveryDeadline,
    TimeSpan CurePeriod)
{
    /// <summary>Throws naming the first term out of range.</summary>
    public CreditSupportTerms Validated()
    {
        Check(IndependentAmount.Sign >= 0, "independent_amount", "must not be negative");
        Check(Threshold.Sign >= 0, "threshold", "must not be negative");
        Check(MinimumTransferAmount.Sign >= 0, "minimum_transfer_amount", "must not be negative");
        Check(RoundingUnit.Sign > 0, "rounding_unit", "must be positive");
        Check(DeliveryDeadline > TimeSpan.Zero, "delivery_deadline", "must be positive");
        Check(CurePeriod >= TimeSpan.Zero, "cure_period", "must not be negative");
        return this;
    }

    private static void Check(bool ok, string field, string reason)
    {
        if (!ok)
        {
            throw new Errors.InvalidFieldException(field, reason);
        }
    }
}
