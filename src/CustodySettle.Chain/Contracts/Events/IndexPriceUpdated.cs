using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>PerpAsset <c>IndexPriceUpdated(uint price)</c>.</summary>
public sealed record IndexPriceUpdated(BigInteger Price) : ContractEvent;
