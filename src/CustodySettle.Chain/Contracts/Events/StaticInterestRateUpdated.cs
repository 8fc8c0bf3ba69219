using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>PerpAsset <c>StaticInterestRateUpdated(int rate)</c> (per hour).</summary>
public sealed record StaticInterestRateUpdated(BigInteger Rate) : ContractEvent;
