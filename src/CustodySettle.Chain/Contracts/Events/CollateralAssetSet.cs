using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>StandardManager's and CustodyTokenFactory's <c>CollateralAssetSet(address indexed collateralAsset)</c>.</summary>
public sealed record CollateralAssetSet(Address CollateralAsset) : ContractEvent;
