using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>SubAccounts' ERC-721 <c>Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)</c> (EIP-721).</summary>
public sealed record AccountApproval(Address Owner, Address Approved, BigInteger AccountId) : ContractEvent;
