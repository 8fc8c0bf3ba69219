using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>PerpAsset's and StandardManager's <c>OracleSet(address indexed oracle, bool allowed)</c>.</summary>
public sealed record OracleSet(Address Oracle, bool Allowed) : ContractEvent;
