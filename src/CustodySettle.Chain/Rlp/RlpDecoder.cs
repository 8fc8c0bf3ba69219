namespace CustodySettle.Chain.Rlp;

/// <summary>
/// Decodes canonical RLP (Yellow Paper, appendix B) and rejects every other form, so that one value
/// has one encoding and a signed transaction cannot be re-encoded into a different hash: a single byte
/// below 0x80 must stand alone, lengths below 56 must use the short prefix, long lengths must have no
/// leading zero byte, and the input must hold exactly one item.
/// </summary>
internal static class RlpDecoder
{
    /// <summary>Deeper nesting is refused rather than risking the stack (transactions nest 3 deep).</summary>
    private const int MaxDepth = 32;

    public static RlpItem Decode(ReadOnlySpan<byte> input)
    {
        var position = 0;
        var item = Read(input, ref position, 0);
        if (position != input.Length)
        {
            throw new RlpException($"{input.Length - position} trailing bytes after the RLP item.");
        }

        return item;
    }

    private static RlpItem Read(ReadOnlySpan<byte> input, ref int position, int depth)
    {
        if (position >= input.Length)
        {
            throw new RlpException("Unexpected end of RLP input.");
        }

        var prefix = input[position];
        if (prefix < 0x80)
        {
            position++;
            return RlpItem.FromBytes([prefix]);
        }

        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        var length = prefix - shortBase;
        position++;
        if (length >= RlpEncoder.ShortLimit)
        {
            length = ReadLongLength(input, ref position, length - (RlpEncoder.ShortLimit - 1));
        }

        if (length > input.Length - position)
        {
            throw new RlpException($"RLP item of {length} bytes runs past the end of the input.");
        }

        var payload = input.Slice(position, length);
        position += length;
        if (!isList)
        {
            if (length == 1 && payload[0] < 0x80)
            {
                throw new RlpException("A single byte below 0x80 must be encoded as itself, not with a prefix.");
            }

            return RlpItem.FromBytes(payload.ToArray());
        }

        if (depth >= MaxDepth)
        {
            throw new RlpException($"RLP lists nested deeper than {MaxDepth}.");
        }

        var items = new List<RlpItem>();
        var inner = 0;
        while (inner < payload.Length)
        {
            items.Add(Read(payload, ref inner, depth + 1));
        }

        return RlpItem.FromList(items);
    }

    private static int ReadLongLength(ReadOnlySpan<byte> input, ref int position, int lengthOfLength)
    {
        if (lengthOfLength > input.Length - position)
        {
            throw new RlpException("RLP length runs past the end of the input.");
        }

        var bytes = input.Slice(position, lengthOfLength);
        if (bytes[0] == 0)
        {
            throw new RlpException("RLP length has a leading zero byte (not canonical).");
        }

        if (lengthOfLength > sizeof(int) || (lengthOfLength == sizeof(int) && bytes[0] > 0x7f))
        {
            throw new RlpException("RLP length does not fit 31 bits.");
        }

        var length = 0;
        foreach (var b in bytes)
        {
            length = (length << 8) | b;
        }

        if (length < RlpEncoder.ShortLimit)
        {
            throw new RlpException($"RLP length {length} uses the long form; below 56 the short form is canonical.");
        }

        position += lengthOfLength;
        return length;
    }
}
