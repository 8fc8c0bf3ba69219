using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyTokenFactory <c>MinterSet(address indexed minter)</c>.</summary>
public sealed record MinterSet(Address Minter) : ContractEvent;
