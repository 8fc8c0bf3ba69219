namespace CustodySettle.Chain.Primitives;

/// <summary>A 32-byte value: a block or transaction hash, an event topic, a bytes32 word.</summary>
public readonly struct Hash32 : IEquatable<Hash32>
{
    /// <summary>The byte length.</summary>
    public const int Size = 32;

    private readonly byte[]? _bytes;

    private Hash32(byte[] bytes) => _bytes = bytes;

    /// <summary>All zeros (the parent of the genesis block).</summary>
    public static Hash32 Zero { get; } = new(new byte[Size]);

    /// <summary>The 32 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero._bytes!;

    /// <summary>A hash from exactly 32 bytes.</summary>
    public static Hash32 FromBytes(ReadOnlySpan<byte> bytes) => bytes.Length == Size
        ? new Hash32(bytes.ToArray())
        : throw new ArgumentException($"A 32-byte hash cannot be built from {bytes.Length} bytes.", nameof(bytes));

    /// <summary>Parses "0x" + 64 hex digits.</summary>
    public static Hash32 Parse(string text) => TryParse(text, out var hash)
        ? hash
        : throw new FormatException($"Not a 32-byte hash (0x and 64 hex digits): '{text}'.");

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string? text, out Hash32 hash)
    {
        hash = default;
        if (text is null || text.Length != 2 + (2 * Size) || !Hex.TryDecode(text, out var bytes))
        {
            return false;
        }

        hash = new Hash32(bytes);
        return true;
    }

    /// <summary>Lowercase "0x..." hex.</summary>
    public override string ToString() => Hex.Encode(Bytes);

    public bool Equals(Hash32 other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(Bytes[..4]);

    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);
}
