using System.Globalization;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// Parses canonical ABI type strings: <c>uint&lt;M&gt;</c>/<c>int&lt;M&gt;</c> (M = 8..256, step 8;
/// <c>uint</c>/<c>int</c> mean 256), <c>address</c>, <c>bool</c>, <c>bytes&lt;M&gt;</c> (1..32),
/// <c>bytes</c>, <c>string</c>, <c>T[k]</c>, <c>T[]</c> and tuples <c>(T1,...)</c>. Fixed-point and
/// function types are refused (no contract of ours uses them).
/// </summary>
internal static class AbiTypeParser
{
    /// <summary>Nesting of tuples and array dimensions together; keeps recursion bounded.</summary>
    internal const int MaxDepth = 32;

    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        AbiType type;
        try
        {
            type = ParseType(text, ref position, 0);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // A fixed array so large that its head would not fit in memory.
            throw Error(text, e.Message.Split(" (")[0].TrimEnd('.'));
        }

        if (position != text.Length)
        {
            throw Error(text, $"unexpected '{text[position]}' at position {position}");
        }

        return type;
    }

    /// <summary>Applies array suffixes ("", "[]", "[2][]") to a type, as JSON ABI "tuple[2][]" needs.</summary>
    public static AbiType ApplySuffixes(AbiType type, string suffixes)
    {
        var position = 0;
        var result = ParseSuffixes(suffixes, ref position, type);
        return position == suffixes.Length ? result : throw Error(suffixes, "expected array suffixes like [] or [2]");
    }

    private static AbiType ParseType(string text, ref int position, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw Error(text, $"nested deeper than {MaxDepth}");
        }

        AbiType type;
        if (position < text.Length && text[position] == '(')
        {
            type = ParseTuple(text, ref position, depth);
        }
        else
        {
            var start = position;
            while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
            {
                position++;
            }

            type = ParseElementary(text, text[start..position]);
        }

        return ParseSuffixes(text, ref position, type);
    }

    private static AbiType ParseTuple(string text, ref int position, int depth)
    {
        position++;
        var components = new List<AbiType>();
        while (true)
        {
            if (position < text.Length && text[position] == ')' && components.Count == 0)
            {
                throw Error(text, "an empty tuple is not a type");
            }

            components.Add(ParseType(text, ref position, depth + 1));
            if (position >= text.Length)
            {
                throw Error(text, "missing ')'");
            }

            var separator = text[position++];
            if (separator == ')')
            {
                return CheckDepth(text, AbiType.TupleOf(components));
            }

            if (separator != ',')
            {
                throw Error(text, $"expected ',' or ')' at position {position - 1}, found '{separator}'");
            }
        }
    }

    private static AbiType ParseSuffixes(string text, ref int position, AbiType type)
    {
        while (position < text.Length && text[position] == '[')
        {
            var close = text.IndexOf(']', position);
            if (close < 0)
            {
                throw Error(text, "missing ']'");
            }

            var digits = text[(position + 1)..close];
            position = close + 1;
            type = CheckDepth(text, digits.Length == 0 ? AbiType.ArrayOf(type) : AbiType.ArrayOf(type, ParseNumber(text, digits, 1, 1_000_000)));
        }

        return type;
    }

    private static AbiType CheckDepth(string text, AbiType type) =>
        type.Depth <= MaxDepth ? type : throw Error(text, $"nested deeper than {MaxDepth}");

    private static AbiType ParseElementary(string text, string name)
    {
        if (name.Length == 0)
        {
            throw Error(text, "expected a type name");
        }

        switch (name)
        {
            case "address": return AbiType.Elementary(AbiTypeKind.Address);
            case "bool": return AbiType.Elementary(AbiTypeKind.Boolean);
            case "string": return AbiType.Elementary(AbiTypeKind.Text);
            case "bytes": return AbiType.Elementary(AbiTypeKind.Bytes);
            case "uint": return AbiType.Elementary(AbiTypeKind.UnsignedInteger, 256);
            case "int": return AbiType.Elementary(AbiTypeKind.SignedInteger, 256);
            default: break;
        }

        if (name.StartsWith("uint", StringComparison.Ordinal))
        {
            return AbiType.Elementary(AbiTypeKind.UnsignedInteger, ParseBits(text, name[4..]));
        }

        if (name.StartsWith("int", StringComparison.Ordinal))
        {
            return AbiType.Elementary(AbiTypeKind.SignedInteger, ParseBits(text, name[3..]));
        }

        if (name.StartsWith("bytes", StringComparison.Ordinal))
        {
            return AbiType.Elementary(AbiTypeKind.FixedBytes, ParseNumber(text, name[5..], 1, 32));
        }

        if (name.StartsWith("fixed", StringComparison.Ordinal) || name.StartsWith("ufixed", StringComparison.Ordinal) || name == "function")
        {
            throw Error(text, $"'{name}' is not supported");
        }

        throw Error(text, $"unknown type '{name}'");
    }

    private static int ParseBits(string text, string digits)
    {
        var bits = ParseNumber(text, digits, 8, 256);
        return bits % 8 == 0 ? bits : throw Error(text, $"integer width {bits} is not a multiple of 8");
    }

    private static int ParseNumber(string text, string digits, int min, int max)
    {
        if (digits.Length == 0 || digits.Length > 7 || digits[0] == '0' || !digits.All(char.IsAsciiDigit))
        {
            throw Error(text, $"'{digits}' is not a number without leading zeros");
        }

        var value = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return value >= min && value <= max ? value : throw Error(text, $"{value} is outside {min}..{max}");
    }

    private static FormatException Error(string text, string reason) => new($"Invalid ABI type '{text}': {reason}.");
}
