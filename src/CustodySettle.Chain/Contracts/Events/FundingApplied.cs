using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>PerpAsset <c>FundingApplied(uint indexed account, int fundingChange, int totalFunding, int aggregatedFunding)</c>: <c>-size x (aggregated - last)</c> applied to an account.</summary>
public sealed record FundingApplied(BigInteger AccountId, BigInteger FundingChange, BigInteger TotalFunding, BigInteger AggregatedFunding) : ContractEvent;
