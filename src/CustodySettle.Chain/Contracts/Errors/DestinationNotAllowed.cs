using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Errors;

/// <summary>CustodyToken's <c>DestinationNotAllowed(address to)</c>: a transfer to neither the holder nor an allow-listed address.</summary>
public sealed record DestinationNotAllowed(Address To) : ContractError;
