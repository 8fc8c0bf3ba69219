using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>PerpAsset <c>ConvergencePeriodUpdated(uint hoursCount)</c>.</summary>
public sealed record ConvergencePeriodUpdated(BigInteger Hours) : ContractEvent;
