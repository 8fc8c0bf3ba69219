using System.Collections;
using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// Turns the C# values callers pass into what the encoder writes, with errors that name the argument:
/// any integer type or BigInteger for int/uint (range-checked), <see cref="Address"/>, bool, byte[] /
/// ReadOnlyMemory&lt;byte&gt; / <see cref="Hash32"/> for bytes, string, and any sequence for arrays
/// and tuples (a tuple may also be given as <see cref="AbiValues"/>).
/// </summary>
internal static class AbiValueConverter
{
    public static BigInteger ToInteger(AbiType type, object? value, string path)
    {
        BigInteger number = value switch
        {
            BigInteger b => b,
            byte b => b,
            sbyte b => b,
            short s => s,
            ushort s => s,
            int i => i,
            uint i => i,
            long l => l,
            ulong l => l,
            Int128 l => l,
            UInt128 l => l,
            _ => throw Mismatch(type, value, path),
        };
        var (min, max) = AbiWords.Range(type);
        return number >= min && number <= max
            ? number
            : throw new ArgumentOutOfRangeException(path, $"{path}: {number} is outside the range of {type}.");
    }

    public static ReadOnlySpan<byte> ToBytes(AbiType type, object? value, string path) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory.Span,
        Memory<byte> memory => memory.Span,
        Hash32 hash => hash.Bytes,
        _ => throw Mismatch(type, value, path),
    };

    public static IReadOnlyList<object?> ToItems(AbiType type, object? value, string path) => value switch
    {
        IReadOnlyList<object?> list => list,
        AbiValues values => values.Values,
        string or null => throw Mismatch(type, value, path),
        IEnumerable sequence => sequence.Cast<object?>().ToArray(),
        _ => throw Mismatch(type, value, path),
    };

    public static ArgumentException Mismatch(AbiType type, object? value, string path) =>
        new($"{path}: a {type} cannot be encoded from {(value is null ? "null" : value.GetType().Name)}.", path);
}
