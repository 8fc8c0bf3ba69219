using Org.BouncyCastle.Crypto.Digests;

namespace CustodySettle.Chain.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding, 0x01), from BouncyCastle. Not
/// .NET's SHA3_256, which is FIPS 202 SHA-3 with 0x06 padding and gives different digests.
/// </summary>
public static class Keccak256
{
    /// <summary>The digest length in bytes.</summary>
    public const int Size = 32;

    /// <summary>Hashes <paramref name="data"/> into a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[Size];
        Hash(data, output);
        return output;
    }

    /// <summary>Hashes <paramref name="data"/> into <paramref name="destination"/> (at least 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination));
        }

        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data.ToArray(), 0, data.Length);
        var output = new byte[Size];
        digest.DoFinal(output, 0);
        output.CopyTo(destination);
    }

    /// <summary>Hashes the UTF-8 bytes of <paramref name="text"/>, as selectors and event topics do.</summary>
    public static byte[] HashUtf8(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Hash(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
