using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>OpenZeppelin AccessControl's <c>RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)</c>.</summary>
public sealed record RoleAdminChanged(Hash32 Role, Hash32 PreviousAdminRole, Hash32 NewAdminRole) : ContractEvent;
