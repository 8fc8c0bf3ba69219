using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// The block a read is made against: a number, or one of the execution-apis tags ("latest", "safe",
/// "finalized", "earliest", "pending"). The default is <see cref="Latest"/>.
/// </summary>
public readonly record struct BlockTag
{
    private readonly string? _tag;

    private BlockTag(string? tag, long? number) => (_tag, Number) = (tag, number);

    /// <summary>The head of the node's canonical chain.</summary>
    public static BlockTag Latest { get; } = new("latest", null);

    /// <summary>The latest block the consensus layer considers safe from reorgs (post-merge chains).</summary>
    public static BlockTag Safe { get; } = new("safe", null);

    /// <summary>The latest finalized block.</summary>
    public static BlockTag Finalized { get; } = new("finalized", null);

    /// <summary>The genesis block.</summary>
    public static BlockTag Earliest { get; } = new("earliest", null);

    /// <summary>The pending state (for nonces: counts the node's pool).</summary>
    public static BlockTag Pending { get; } = new("pending", null);

    /// <summary>The block number, when this is one.</summary>
    public long? Number { get; }

    /// <summary>A block by number.</summary>
    public static BlockTag At(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        return new BlockTag(null, number);
    }

    /// <summary>The wire form: a QUANTITY or the tag.</summary>
    public override string ToString() => Number is { } number ? Hex.EncodeQuantity(number) : _tag ?? "latest";
}
