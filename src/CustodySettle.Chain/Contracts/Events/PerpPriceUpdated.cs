using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>PerpAsset <c>PerpPriceUpdated(uint price)</c>.</summary>
public sealed record PerpPriceUpdated(BigInteger Price) : ContractEvent;
