using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>StandardManager <c>CollateralSpotSet(uint indexed subId, uint spot)</c>.</summary>
public sealed record CollateralSpotSet(BigInteger SubId, BigInteger Spot) : ContractEvent;
