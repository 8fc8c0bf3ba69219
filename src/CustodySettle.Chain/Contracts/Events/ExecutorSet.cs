using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>TradeExecutor <c>ExecutorSet(address indexed executor, bool allowed)</c>.</summary>
public sealed record ExecutorSet(Address Executor, bool Allowed) : ContractEvent;
