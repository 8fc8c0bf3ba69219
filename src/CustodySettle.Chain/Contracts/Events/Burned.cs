using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyToken <c>Burned(address indexed burnedBy, address indexed from, uint256 amount)</c>.</summary>
public sealed record Burned(Address BurnedBy, Address From, BigInteger Amount) : ContractEvent;
