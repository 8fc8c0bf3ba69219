using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyCollateralAsset <c>TokenAllowed(address indexed token, bool allowed, uint8 decimals)</c>.</summary>
public sealed record TokenAllowed(Address Token, bool Allowed, int Decimals) : ContractEvent;
