using System.Diagnostics.CodeAnalysis;
using CustodySettle.Chain.Crypto;

namespace CustodySettle.Chain.Primitives;

/// <summary>
/// A 20-byte Ethereum address. Printed with the EIP-55 mixed-case checksum; parsed from all-lowercase,
/// all-uppercase or correctly checksummed text, and a mixed-case string with a wrong checksum is
/// rejected (EIP-55: that is how a typo is caught).
/// </summary>
public readonly struct Address : IEquatable<Address>
{
    /// <summary>The byte length of an address.</summary>
    public const int Size = 20;

    private readonly byte[]? _bytes;

    private Address(byte[] bytes) => _bytes = bytes;

    /// <summary>The zero address.</summary>
    public static Address Zero { get; } = new(new byte[Size]);

    /// <summary>The 20 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero._bytes!;

    /// <summary>An address from exactly 20 bytes.</summary>
    public static Address FromBytes(ReadOnlySpan<byte> bytes) => bytes.Length == Size
        ? new Address(bytes.ToArray())
        : throw new ArgumentException($"An address is {Size} bytes, not {bytes.Length}.", nameof(bytes));

    /// <summary>Parses "0x" + 40 hex digits, checking the EIP-55 checksum when the case is mixed.</summary>
    public static Address Parse(string text) => TryParse(text, out var address, out var error)
        ? address
        : throw new FormatException(error);

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string? text, out Address address) => TryParse(text, out address, out _);

    private static bool TryParse(string? text, out Address address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (text is null || text.Length != 42 || !Hex.TryDecode(text, out var bytes))
        {
            error = $"Not an address (0x and 40 hex digits): '{text}'.";
            return false;
        }

        var digits = text.AsSpan(2);
        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        address = new Address(bytes);
        if (hasLower && hasUpper && !digits.SequenceEqual(address.ToString().AsSpan(2)))
        {
            error = $"Address '{text}' fails its EIP-55 checksum.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The EIP-55 checksummed form: a hex letter is upper case when the matching nibble of
    /// keccak256(lowercase hex digits) is 8 or more.</summary>
    public override string ToString()
    {
        var lower = Convert.ToHexStringLower(Bytes);
        var hash = Keccak256.HashUtf8(lower);
        return string.Create(42, (lower, hash), static (span, state) =>
        {
            span[0] = '0';
            span[1] = 'x';
            for (var i = 0; i < 40; i++)
            {
                var c = state.lower[i];
                var nibble = (i % 2 == 0 ? state.hash[i / 2] >> 4 : state.hash[i / 2]) & 0xF;
                span[i + 2] = c >= 'a' && nibble >= 8 ? char.ToUpperInvariant(c) : c;
            }
        });
    }

    /// <summary>The all-lowercase form, as JSON-RPC requests carry it.</summary>
    public string ToLowerHex() => Hex.Encode(Bytes);

    public bool Equals(Address other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    public static bool operator ==(Address left, Address right) => left.Equals(right);

    public static bool operator !=(Address left, Address right) => !left.Equals(right);
}
