using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>OpenZeppelin Ownable's <c>OwnershipTransferred(address indexed previousOwner, address indexed newOwner)</c>.</summary>
public sealed record OwnershipTransferred(Address PreviousOwner, Address NewOwner) : ContractEvent;
