using System.Globalization;
using CustodySettle.Margin.Terms;
using Google.Protobuf.WellKnownTypes;
using V1 = CustodySettle.Api.V1;

namespace CustodySettle.Server.Services;

/// <summary>Credit terms and haircuts as AdminService messages.</summary>
internal static class TermsMapping
{
    public static V1.CreditTerms ToMessage(this DeskTerms terms) => new()
    {
        DeskId = terms.DeskId,
        Version = terms.Version,
        EffectiveFrom = Timestamp.FromDateTimeOffset(terms.EffectiveFrom),
        SettlementAsset = terms.SettlementAsset,
        IndependentAmount = terms.Terms.IndependentAmount.ToString(CultureInfo.InvariantCulture),
        Threshold = terms.Terms.Threshold.ToString(CultureInfo.InvariantCulture),
        MinimumTransferAmount = terms.Terms.MinimumTransferAmount.ToString(CultureInfo.InvariantCulture),
        RoundingUnit = terms.Terms.RoundingUnit.ToString(CultureInfo.InvariantCulture),
        DeliveryDeadline = Duration.FromTimeSpan(terms.Terms.DeliveryDeadline),
        CurePeriod = Duration.FromTimeSpan(terms.Terms.CurePeriod),
    };

    public static V1.Haircut ToMessage(this HaircutVersion haircut) => new()
    {
        Asset = haircut.AssetCode,
        ValuationBps = haircut.ValuationBps,
        Version = haircut.Version,
        EffectiveFrom = Timestamp.FromDateTimeOffset(haircut.EffectiveFrom),
    };
}
