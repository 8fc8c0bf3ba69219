using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// An eth_getLogs filter. Either a block range or <see cref="BlockHash"/> (execution-apis forbids
/// both). <see cref="Topics"/> is by position: null matches anything there, a list matches any of its
/// hashes (OR); positions past the list's end match anything.
/// </summary>
public sealed record LogFilter
{
    /// <summary>First block (inclusive); the node's default ("latest") when null.</summary>
    public BlockTag? FromBlock { get; init; }

    /// <summary>Last block (inclusive); the node's default ("latest") when null.</summary>
    public BlockTag? ToBlock { get; init; }

    /// <summary>Contracts whose logs match; empty matches every contract.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    /// <summary>Topic conditions by position (null = wildcard).</summary>
    public IReadOnlyList<IReadOnlyList<Hash32>?> Topics { get; init; } = [];

    /// <summary>Only the logs of this block (instead of a range).</summary>
    public Hash32? BlockHash { get; init; }
}
