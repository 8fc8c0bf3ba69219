using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyCollateralAsset <c>TokenListerSet(address indexed lister, bool allowed)</c>.</summary>
public sealed record TokenListerSet(Address Lister, bool Allowed) : ContractEvent;
