using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>ERC-20 <c>Approval(address indexed owner, address indexed spender, uint256 value)</c> (EIP-20).</summary>
public sealed record TokenApproval(Address Owner, Address Spender, BigInteger Value) : ContractEvent;
