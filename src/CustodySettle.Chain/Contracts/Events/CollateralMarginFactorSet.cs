using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>StandardManager <c>CollateralMarginFactorSet(uint indexed subId, uint marginFactor)</c>.</summary>
public sealed record CollateralMarginFactorSet(BigInteger SubId, BigInteger MarginFactor) : ContractEvent;
