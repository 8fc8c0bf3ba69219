using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>An asset's <c>WhitelistManagerSet(address indexed manager, bool whitelisted)</c> (AssetBase).</summary>
public sealed record WhitelistManagerSet(Address Manager, bool Whitelisted) : ContractEvent;
