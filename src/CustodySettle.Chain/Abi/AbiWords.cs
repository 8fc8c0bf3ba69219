using System.Numerics;

namespace CustodySettle.Chain.Abi;

/// <summary>The 32-byte words the ABI encodes every value in; integers are big-endian two's complement.</summary>
internal static class AbiWords
{
    public const int Size = 32;

    public static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    /// <summary>Writes 0 ≤ value &lt; 2^256 right-aligned into a zeroed 32-byte word.</summary>
    public static void WriteUnsigned(Span<byte> word, BigInteger value)
    {
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(word.Slice(Size - length, length), out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Writes -2^255 ≤ value &lt; 2^255 sign-extended to 32 bytes.</summary>
    public static void WriteSigned(Span<byte> word, BigInteger value) =>
        WriteUnsigned(word, value.Sign < 0 ? value + TwoTo256 : value);

    public static BigInteger ReadUnsigned(ReadOnlySpan<byte> word) => new(word, isUnsigned: true, isBigEndian: true);

    public static BigInteger ReadSigned(ReadOnlySpan<byte> word) => new(word, isUnsigned: false, isBigEndian: true);

    /// <summary>The length rounded up to whole words.</summary>
    public static int PaddedLength(int length) => checked((length + Size - 1) / Size * Size);

    /// <summary>The inclusive range of uint&lt;bits&gt; or int&lt;bits&gt;.</summary>
    public static (BigInteger Min, BigInteger Max) Range(AbiType type) => type.Kind == AbiTypeKind.SignedInteger
        ? (-(BigInteger.One << (type.Size - 1)), (BigInteger.One << (type.Size - 1)) - 1)
        : (BigInteger.Zero, (BigInteger.One << type.Size) - 1);
}
