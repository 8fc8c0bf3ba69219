using System.Globalization;
using System.Numerics;
using CustodySettle.Domain.Margin;

namespace CustodySettle.Margin.Terms;

/// <summary>margin_credit_terms (with the settlement asset's code) as Dapper reads it.</summary>
internal sealed record TermsRow(
    string DeskId, int Version, DateTime EffectiveFrom, string SettlementAsset, string IndependentAmount, string Threshold,
    string MinimumTransferAmount, string RoundingUnit, TimeSpan DeliveryDeadline, TimeSpan CurePeriod)
{
    public DeskTerms ToTerms() => new(
        DeskId, Version, new DateTimeOffset(DateTime.SpecifyKind(EffectiveFrom, DateTimeKind.Utc)), SettlementAsset,
        new CreditSupportTerms(Parse(IndependentAmount), Parse(Threshold), Parse(MinimumTransferAmount), Parse(RoundingUnit), DeliveryDeadline, CurePeriod));

    private static BigInteger Parse(string value) => BigInteger.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>margin_haircuts (with the asset code) as Dapper reads it.</summary>
internal sealed record HaircutRow(string AssetCode, int ValuationBps, int Version, DateTime EffectiveFrom)
{
    public HaircutVersion ToHaircut() => new(AssetCode, ValuationBps, Version, new DateTimeOffset(DateTime.SpecifyKind(EffectiveFrom, DateTimeKind.Utc)));
}
