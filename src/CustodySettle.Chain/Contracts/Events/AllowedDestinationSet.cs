using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyToken <c>AllowedDestinationSet(address indexed destination, bool allowed)</c>.</summary>
public sealed record AllowedDestinationSet(Address Destination, bool Allowed) : ContractEvent;
