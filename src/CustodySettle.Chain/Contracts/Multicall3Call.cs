using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts;

/// <summary>Multicall3's <c>Call3</c>: a call that, when <paramref name="AllowFailure"/>, may fail without failing the batch.</summary>
public sealed record Multicall3Call(Address Target, bool AllowFailure, ReadOnlyMemory<byte> CallData);
