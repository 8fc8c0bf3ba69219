namespace CustodySettle.Chain.Contracts;

/// <summary>Multicall3's <c>Result</c>: whether the call returned, and its return data (the revert data when it did not).</summary>
public sealed record Multicall3Result(bool Success, ReadOnlyMemory<byte> ReturnData);
