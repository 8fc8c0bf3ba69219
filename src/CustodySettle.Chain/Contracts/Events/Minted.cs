using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyToken <c>Minted(address indexed mintedBy, address indexed to, uint256 amount)</c>.</summary>
public sealed record Minted(Address MintedBy, Address To, BigInteger Amount) : ContractEvent;
