using System.Text;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// The ABI encoding of the Solidity spec ("Formal Specification of the Encoding"): a sequence is its
/// heads (static values in place, a 32-byte offset for each dynamic one, counted from the start of the
/// sequence) followed by the tails of the dynamic values, in order. The output is in strict mode.
/// </summary>
internal static class AbiEncoder
{
    public static byte[] EncodeSequence(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, string path)
    {
        if (types.Count != values.Count)
        {
            throw new ArgumentException($"{path}: expected {types.Count} values, got {values.Count}.", path);
        }

        var parts = new byte[types.Count][];
        var headSize = 0;
        var tailSize = 0;
        for (var i = 0; i < types.Count; i++)
        {
            parts[i] = Encode(types[i], values[i], $"{path}[{i}]");
            headSize += types[i].HeadSize;
            tailSize += types[i].IsDynamic ? parts[i].Length : 0;
        }

        var output = new byte[checked(headSize + tailSize)];
        var head = 0;
        var tail = headSize;
        for (var i = 0; i < parts.Length; i++)
        {
            if (types[i].IsDynamic)
            {
                AbiWords.WriteUnsigned(output.AsSpan(head, AbiWords.Size), tail);
                parts[i].CopyTo(output, tail);
                tail += parts[i].Length;
            }
            else
            {
                parts[i].CopyTo(output, head);
            }

            head += types[i].HeadSize;
        }

        return output;
    }

    public static byte[] Encode(AbiType type, object? value, string path)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger:
            case AbiTypeKind.SignedInteger:
                var word = new byte[AbiWords.Size];
                AbiWords.WriteSigned(word, AbiValueConverter.ToInteger(type, value, path));
                return word;
            case AbiTypeKind.Address:
                var address = value is Address a ? a : throw AbiValueConverter.Mismatch(type, value, path);
                return Word(address.Bytes, Address.Size, rightAligned: true);
            case AbiTypeKind.Boolean:
                var flag = value is bool b ? b : throw AbiValueConverter.Mismatch(type, value, path);
                return Word([flag ? (byte)1 : (byte)0], 1, rightAligned: true);
            case AbiTypeKind.FixedBytes:
                var fixedBytes = AbiValueConverter.ToBytes(type, value, path);
                return fixedBytes.Length == type.Size
                    ? Word(fixedBytes, type.Size, rightAligned: false)
                    : throw new ArgumentException($"{path}: a {type} is exactly {type.Size} bytes, not {fixedBytes.Length}.", path);
            case AbiTypeKind.Bytes:
                return LengthPrefixed(AbiValueConverter.ToBytes(type, value, path));
            case AbiTypeKind.Text:
                return LengthPrefixed(Encoding.UTF8.GetBytes(value as string ?? throw AbiValueConverter.Mismatch(type, value, path)));
            case AbiTypeKind.FixedArray:
                var items = AbiValueConverter.ToItems(type, value, path);
                return items.Count == type.Length
                    ? EncodeSequence(Repeat(type.ElementType!, items.Count), items, path)
                    : throw new ArgumentException($"{path}: a {type} has {type.Length} elements, not {items.Count}.", path);
            case AbiTypeKind.DynamicArray:
                var elements = AbiValueConverter.ToItems(type, value, path);
                var body = EncodeSequence(Repeat(type.ElementType!, elements.Count), elements, path);
                var encoded = new byte[AbiWords.Size + body.Length];
                AbiWords.WriteUnsigned(encoded, elements.Count);
                body.CopyTo(encoded, AbiWords.Size);
                return encoded;
            case AbiTypeKind.Tuple:
                return EncodeSequence(type.Components, AbiValueConverter.ToItems(type, value, path), path);
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown ABI type kind.");
        }
    }

    internal static AbiType[] Repeat(AbiType type, int count) => Enumerable.Repeat(type, count).ToArray();

    private static byte[] Word(ReadOnlySpan<byte> bytes, int length, bool rightAligned)
    {
        var word = new byte[AbiWords.Size];
        bytes.CopyTo(word.AsSpan(rightAligned ? AbiWords.Size - length : 0));
        return word;
    }

    private static byte[] LengthPrefixed(ReadOnlySpan<byte> content)
    {
        var encoded = new byte[AbiWords.Size + AbiWords.PaddedLength(content.Length)];
        AbiWords.WriteUnsigned(encoded, content.Length);
        content.CopyTo(encoded.AsSpan(AbiWords.Size));
        return encoded;
    }
}
