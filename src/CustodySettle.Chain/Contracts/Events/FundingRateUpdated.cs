using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>PerpAsset <c>FundingRateUpdated(int aggregatedFunding, int fundingRate, uint lastFundingPaidAt)</c>: funding accrued up to a block timestamp.</summary>
public sealed record FundingRateUpdated(BigInteger AggregatedFunding, BigInteger FundingRate, BigInteger LastFundingPaidAt) : ContractEvent;
