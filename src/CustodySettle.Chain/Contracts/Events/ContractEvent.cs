namespace CustodySettle.Chain.Contracts.Events;

/// <summary>
/// A decoded event of one of the bound contracts: one sealed record per event (signature and indexing),
/// with the fields in the event's declaration order. <see cref="ContractEventDecoder"/> makes them from logs.
/// </summary>
public abstract record ContractEvent;
