using System.Collections.Immutable;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Transactions;

/// <summary>One entry of an EIP-2930 access list: an address and the storage slots the transaction touches.</summary>
public sealed record AccessListEntry(Address Address, ImmutableArray<Hash32> StorageKeys);
