using System.Text;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// Decodes ABI data defensively: every offset and length is checked against the data before it is
/// followed, padding must be zero, integers must fit their width, and the total work is capped at
/// twice the input size so that offsets pointing many times at one region cannot blow up memory.
/// Values come back as BigInteger, <see cref="Address"/>, bool, byte[], string, and object[] for
/// arrays and tuples.
/// </summary>
internal ref struct AbiDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private long _budget;

    private AbiDecoder(ReadOnlySpan<byte> data)
    {
        _data = data;
        _budget = (2L * data.Length) + AbiWords.Size;
    }

    public static object[] DecodeSequence(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        var decoder = new AbiDecoder(data);
        return decoder.ReadSequence(types, 0, "values");
    }

    private object[] ReadSequence(IReadOnlyList<AbiType> types, int start, string path)
    {
        if (types.Sum(t => (long)t.HeadSize) > _data.Length - start)
        {
            throw Error(path, $"the data ends inside the heads of {types.Count} values starting at byte {start}");
        }

        var values = new object[types.Count];
        var head = start;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var itemPath = $"{path}[{i}]";
            var position = head;
            if (type.IsDynamic)
            {
                var offset = ReadSmall(head, itemPath, "offset");
                if (offset > _data.Length - start - AbiWords.Size)
                {
                    throw Error(itemPath, $"offset {offset} points past the end of the {_data.Length}-byte data");
                }

                position = start + offset;
            }

            values[i] = ReadValue(type, position, itemPath);
            head += type.HeadSize;
        }

        return values;
    }

    private object ReadValue(AbiType type, int position, string path)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger:
            case AbiTypeKind.SignedInteger:
                var word = Word(position, path);
                var value = type.Kind == AbiTypeKind.SignedInteger ? AbiWords.ReadSigned(word) : AbiWords.ReadUnsigned(word);
                var (min, max) = AbiWords.Range(type);
                return value >= min && value <= max ? value : throw Error(path, $"{value} is outside the range of {type}");
            case AbiTypeKind.Address:
                var addressWord = Word(position, path);
                RequireZero(addressWord[..12], path, type);
                return Address.FromBytes(addressWord[12..]);
            case AbiTypeKind.Boolean:
                var boolWord = Word(position, path);
                RequireZero(boolWord[..31], path, type);
                return boolWord[31] <= 1 ? boolWord[31] == 1 : throw Error(path, $"{boolWord[31]} is not a bool");
            case AbiTypeKind.FixedBytes:
                var bytesWord = Word(position, path);
                RequireZero(bytesWord[type.Size..], path, type);
                return bytesWord[..type.Size].ToArray();
            case AbiTypeKind.Bytes:
                return ReadContent(position, path).ToArray();
            case AbiTypeKind.Text:
                return Encoding.UTF8.GetString(ReadContent(position, path));
            case AbiTypeKind.FixedArray:
                if ((long)type.ElementType!.HeadSize * type.Length > _data.Length - position)
                {
                    throw Error(path, $"a {type} does not fit the remaining {_data.Length - position} bytes");
                }

                return ReadSequence(AbiEncoder.Repeat(type.ElementType!, type.Length), position, path);
            case AbiTypeKind.DynamicArray:
                var count = ReadSmall(position, path, "array length");
                var elementsStart = position + AbiWords.Size;
                if ((long)count * type.ElementType!.HeadSize > _data.Length - elementsStart)
                {
                    throw Error(path, $"{count} elements of {type.ElementType} do not fit the remaining {_data.Length - elementsStart} bytes");
                }

                return ReadSequence(AbiEncoder.Repeat(type.ElementType, count), elementsStart, path);
            case AbiTypeKind.Tuple:
                return ReadSequence(type.Components, position, path);
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown ABI type kind.");
        }
    }

    /// <summary>The content of bytes/string: a length word, the bytes, then zero padding to a word.</summary>
    private ReadOnlySpan<byte> ReadContent(int position, string path)
    {
        var length = ReadSmall(position, path, "length");
        var start = position + AbiWords.Size;
        if (length > _data.Length - start)
        {
            throw Error(path, $"length {length} runs past the end of the {_data.Length}-byte data");
        }

        Spend(length, path);
        var paddingEnd = Math.Min(_data.Length, start + AbiWords.PaddedLength(length));
        if (_data[(start + length)..paddingEnd].ContainsAnyExcept((byte)0))
        {
            throw Error(path, "non-zero padding after the content");
        }

        return _data.Slice(start, length);
    }

    /// <summary>An offset or length word, which must be small enough to index the data.</summary>
    private int ReadSmall(int position, string path, string what)
    {
        var word = Word(position, path);
        if (word[..28].ContainsAnyExcept((byte)0) || word[28] > 0x7f)
        {
            throw Error(path, $"{what} 0x{Convert.ToHexStringLower(word).TrimStart('0')} is too large");
        }

        return (word[28] << 24) | (word[29] << 16) | (word[30] << 8) | word[31];
    }

    private ReadOnlySpan<byte> Word(int position, string path)
    {
        if (position < 0 || position > _data.Length - AbiWords.Size)
        {
            throw Error(path, $"the data ends before the word at byte {position} ({_data.Length} bytes)");
        }

        Spend(AbiWords.Size, path);
        return _data.Slice(position, AbiWords.Size);
    }

    private void Spend(int bytes, string path)
    {
        _budget -= bytes;
        if (_budget < 0)
        {
            throw Error(path, "overlapping offsets would decode more than twice the data's size");
        }
    }

    private static void RequireZero(ReadOnlySpan<byte> padding, string path, AbiType type)
    {
        if (padding.ContainsAnyExcept((byte)0))
        {
            throw Error(path, $"non-zero padding in a {type}");
        }
    }

    private static AbiDecodingException Error(string path, string reason) => new($"Malformed ABI data at {path}: {reason}.");
}
