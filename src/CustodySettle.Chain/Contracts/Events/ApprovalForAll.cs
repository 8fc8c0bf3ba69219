using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>SubAccounts' ERC-721 <c>ApprovalForAll(address indexed owner, address indexed operator, bool approved)</c> (EIP-721).</summary>
public sealed record ApprovalForAll(Address Owner, Address Operator, bool Approved) : ContractEvent;
