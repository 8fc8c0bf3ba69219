using CustodySettle.Domain.Margin;

namespace CustodySettle.Margin.Terms;

/// <summary>One version of a desk's credit support terms, in force from <paramref name="EffectiveFrom"/> until the next version.</summary>
public sealed record DeskTerms(string DeskId, int Version, DateTimeOffset EffectiveFrom, string SettlementAsset, CreditSupportTerms Terms);
