using System.Globalization;
using System.Numerics;

namespace CustodySettle.Chain.Primitives;

/// <summary>
/// The hex encodings of Ethereum JSON-RPC (execution-apis): DATA is "0x" plus two lowercase digits
/// a byte; QUANTITY is "0x" plus the shortest hex of the number ("0x0" for zero, no leading zeros).
/// </summary>
public static class Hex
{
    /// <summary>Encodes bytes as DATA ("0x..." lowercase).</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Decodes DATA; the "0x" prefix is required and the digit count must be even.</summary>
    public static byte[] Decode(string hex)
    {
        if (!TryDecode(hex, out var bytes))
        {
            throw new FormatException($"Not 0x-prefixed hex data with an even number of digits: '{Shorten(hex)}'.");
        }

        return bytes;
    }

    /// <summary>Decodes DATA without throwing.</summary>
    public static bool TryDecode(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length < 2 || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X') || hex.Length % 2 != 0)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex.AsSpan(2));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Encodes a non-negative number as a QUANTITY.</summary>
    public static string EncodeQuantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A QUANTITY is never negative.");
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        return "0x" + Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
    }

    /// <summary>Encodes a non-negative number as a QUANTITY.</summary>
    public static string EncodeQuantity(long value) => value < 0
        ? throw new ArgumentOutOfRangeException(nameof(value), "A QUANTITY is never negative.")
        : "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Decodes a QUANTITY. Leading zeros are tolerated, as some nodes send them.</summary>
    public static BigInteger DecodeQuantity(string hex)
    {
        if (hex is null || hex.Length < 3 || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X'))
        {
            throw new FormatException($"Not a 0x-prefixed quantity: '{Shorten(hex)}'.");
        }

        return BigInteger.Parse("0" + hex[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes a QUANTITY that must fit a long (block numbers, nonces, gas).</summary>
    public static long DecodeQuantityInt64(string hex)
    {
        var value = DecodeQuantity(hex);
        return value <= long.MaxValue ? (long)value : throw new FormatException($"Quantity {hex} does not fit 64 bits.");
    }

    private static string Shorten(string? text) => text is null ? "(null)" : text.Length <= 80 ? text : text[..80] + "...";
}
