using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>OpenZeppelin AccessControl's <c>RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)</c>.</summary>
public sealed record RoleRevoked(Hash32 Role, Address Account, Address Sender) : ContractEvent;
