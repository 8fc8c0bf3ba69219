using System.Numerics;

namespace CustodySettle.Chain.Rlp;

/// <summary>
/// The RLP encoder of the Yellow Paper, appendix B. A byte string is one byte when it is a single byte
/// below 0x80, else a prefix (0x80 + length, or 0xb7 + length-of-length and the big-endian length
/// from 56 bytes on) and the bytes; a list is the same with 0xc0/0xf7 around its encoded items.
/// Integers are big-endian with no leading zeros, zero being the empty string.
/// </summary>
internal static class RlpEncoder
{
    private const byte StringOffset = 0x80;
    private const byte ListOffset = 0xc0;

    /// <summary>Payloads shorter than this take the one-byte prefix.</summary>
    internal const int ShortLimit = 56;

    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes) => bytes.Length == 1 && bytes[0] < StringOffset
        ? [bytes[0]]
        : WithPrefix(StringOffset, bytes);

    public static byte[] EncodeInteger(ulong value) => EncodeInteger(new BigInteger(value));

    public static byte[] EncodeInteger(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "RLP encodes only non-negative integers.");
        }

        return EncodeBytes(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    /// <summary>A list of items that are already RLP-encoded.</summary>
    public static byte[] EncodeList(params IEnumerable<byte[]> encodedItems)
    {
        ArgumentNullException.ThrowIfNull(encodedItems);
        var items = encodedItems as IReadOnlyCollection<byte[]> ?? [.. encodedItems];
        var payload = new byte[items.Sum(item => item.Length)];
        var position = 0;
        foreach (var item in items)
        {
            item.CopyTo(payload, position);
            position += item.Length;
        }

        return WithPrefix(ListOffset, payload);
    }

    private static byte[] WithPrefix(byte offset, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < ShortLimit)
        {
            var shortForm = new byte[1 + payload.Length];
            shortForm[0] = (byte)(offset + payload.Length);
            payload.CopyTo(shortForm.AsSpan(1));
            return shortForm;
        }

        var length = new BigInteger(payload.Length).ToByteArray(isUnsigned: true, isBigEndian: true);
        var longForm = new byte[1 + length.Length + payload.Length];
        longForm[0] = (byte)(offset + ShortLimit - 1 + length.Length);
        length.CopyTo(longForm, 1);
        payload.CopyTo(longForm.AsSpan(1 + length.Length));
        return longForm;
    }
}
