using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>StandardManager <c>PerpMarginRatesSet(address indexed perp, uint mmRate, uint imRate)</c>.</summary>
public sealed record PerpMarginRatesSet(Address Perp, BigInteger MmRate, BigInteger ImRate) : ContractEvent;
