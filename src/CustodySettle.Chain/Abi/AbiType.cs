using System.Collections.Immutable;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// A Solidity ABI type, compared by its canonical form ("uint256", "(address,bytes)[]"). Built by
/// <see cref="Parse"/>, or with <see cref="ArrayOf"/> and <see cref="TupleOf"/>.
/// </summary>
public sealed class AbiType : IEquatable<AbiType>
{
    private readonly string _canonical;

    private AbiType(AbiTypeKind kind, int size, AbiType? elementType, int length, ImmutableArray<AbiType> components)
    {
        Kind = kind;
        Size = size;
        ElementType = elementType;
        Length = length;
        Components = components;
        IsDynamic = kind is AbiTypeKind.Bytes or AbiTypeKind.Text or AbiTypeKind.DynamicArray
            || (kind == AbiTypeKind.FixedArray && elementType!.IsDynamic)
            || (kind == AbiTypeKind.Tuple && components.Any(c => c.IsDynamic));
        Depth = 1 + Math.Max(elementType?.Depth ?? 0, components.IsDefaultOrEmpty ? 0 : components.Max(c => c.Depth));
        HeadSize = IsDynamic ? AbiWords.Size : StaticSize(kind, elementType, length, components);
        _canonical = Format(kind, size, elementType, length, components);
    }

    public AbiTypeKind Kind { get; }

    /// <summary>M of <c>uint&lt;M&gt;</c>/<c>int&lt;M&gt;</c> (bits) or of <c>bytes&lt;M&gt;</c> (bytes); else 0.</summary>
    public int Size { get; }

    /// <summary>The element type of an array; null otherwise.</summary>
    public AbiType? ElementType { get; }

    /// <summary>k of a fixed array <c>T[k]</c>; else 0.</summary>
    public int Length { get; }

    /// <summary>The component types of a tuple; empty otherwise.</summary>
    public ImmutableArray<AbiType> Components { get; }

    /// <summary>Dynamic types are encoded in the tail behind an offset (bytes, string, T[], and
    /// arrays or tuples that contain one).</summary>
    public bool IsDynamic { get; }

    /// <summary>The bytes this type takes in the head of an encoding: 32 when dynamic.</summary>
    internal int HeadSize { get; }

    /// <summary>1 for an elementary type, one more than the deepest child for arrays and tuples.</summary>
    internal int Depth { get; }

    /// <summary>Parses a canonical type string; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static AbiType Parse(string text) => AbiTypeParser.Parse(text);

    /// <summary><c>T[]</c> when <paramref name="length"/> is null, else <c>T[length]</c>.</summary>
    public static AbiType ArrayOf(AbiType elementType, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        if (length is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "A fixed array has at least one element.");
        }

        return length is { } k
            ? new AbiType(AbiTypeKind.FixedArray, 0, elementType, k, [])
            : new AbiType(AbiTypeKind.DynamicArray, 0, elementType, 0, []);
    }

    /// <summary>The tuple <c>(T1,...,Tn)</c>, n ≥ 1 (Solidity has no empty structs).</summary>
    public static AbiType TupleOf(params IEnumerable<AbiType> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var list = components.ToImmutableArray();
        if (list.IsEmpty || list.Any(c => c is null))
        {
            throw new ArgumentException("A tuple has at least one component and none is null.", nameof(components));
        }

        return new AbiType(AbiTypeKind.Tuple, 0, null, 0, list);
    }

    internal static AbiType Elementary(AbiTypeKind kind, int size = 0) => new(kind, size, null, 0, []);

    /// <summary>The canonical form, as in function signatures.</summary>
    public override string ToString() => _canonical;

    public bool Equals(AbiType? other) => other is not null && string.Equals(_canonical, other._canonical, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AbiType);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_canonical);

    private static int StaticSize(AbiTypeKind kind, AbiType? elementType, int length, ImmutableArray<AbiType> components)
    {
        var size = kind switch
        {
            AbiTypeKind.FixedArray => (long)elementType!.HeadSize * length,
            AbiTypeKind.Tuple => components.Sum(c => (long)c.HeadSize),
            _ => AbiWords.Size,
        };
        return size <= int.MaxValue / 2
            ? (int)size
            : throw new ArgumentOutOfRangeException(nameof(length), "The type's encoding would exceed 1 GiB.");
    }

    private static string Format(AbiTypeKind kind, int size, AbiType? elementType, int length, ImmutableArray<AbiType> components) => kind switch
    {
        AbiTypeKind.UnsignedInteger => $"uint{size}",
        AbiTypeKind.SignedInteger => $"int{size}",
        AbiTypeKind.Address => "address",
        AbiTypeKind.Boolean => "bool",
        AbiTypeKind.FixedBytes => $"bytes{size}",
        AbiTypeKind.Bytes => "bytes",
        AbiTypeKind.Text => "string",
        AbiTypeKind.FixedArray => $"{elementType}[{length}]",
        AbiTypeKind.DynamicArray => $"{elementType}[]",
        AbiTypeKind.Tuple => $"({string.Join(',', components)})",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
