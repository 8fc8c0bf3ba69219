using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>SubAccounts' ERC-721 <c>Transfer(address indexed from, address indexed to, uint256 indexed tokenId)</c> (EIP-721): an account minted (from zero) or moved.</summary>
public sealed record AccountTransfer(Address From, Address To, BigInteger AccountId) : ContractEvent;
