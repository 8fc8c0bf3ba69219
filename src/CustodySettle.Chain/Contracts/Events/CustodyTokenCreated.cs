using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyTokenFactory <c>CustodyTokenCreated(address indexed token, address indexed holder, bytes32 indexed key, string custodianId, string asset, uint8 decimals)</c>.</summary>
public sealed record CustodyTokenCreated(Address Token, Address Holder, Hash32 Key, string CustodianId, string Asset, int Decimals) : ContractEvent;
