using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>A log, the kind of contract that emitted it, and its typed event.</summary>
public sealed record DecodedEvent(LogEntry Log, ContractKind Contract, ContractEvent Event);
