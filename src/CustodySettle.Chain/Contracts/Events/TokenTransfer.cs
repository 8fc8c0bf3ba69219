using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>ERC-20 <c>Transfer(address indexed from, address indexed to, uint256 value)</c> (EIP-20) of MockUSDC or a custody token.</summary>
public sealed record TokenTransfer(Address From, Address To, BigInteger Value) : ContractEvent;
