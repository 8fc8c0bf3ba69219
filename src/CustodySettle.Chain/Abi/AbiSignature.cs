using CustodySettle.Chain.Crypto;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// Signatures ("transfer(address,uint256)": the name and the canonical input types, no spaces) and
/// selectors (the first 4 bytes of its Keccak-256), per the ABI spec's "Function Selector"; and a
/// parser for the human-readable form "Transfer(address indexed from, address indexed to, uint256 value)".
/// </summary>
internal static class AbiSignature
{
    public const int SelectorSize = 4;

    public static string Format(string name, IEnumerable<AbiParameter> parameters) =>
        $"{name}({string.Join(',', parameters.Select(p => p.Type))})";

    public static byte[] Selector(string signature) => Keccak256.HashUtf8(signature).AsSpan(0, SelectorSize).ToArray();

    /// <summary>Splits "name(type [indexed] [name], ...)" into the name and the parameters.</summary>
    public static (string Name, List<AbiParameter> Parameters) Parse(string signature, bool allowIndexed)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !signature.EndsWith(')'))
        {
            throw new FormatException($"Invalid signature '{signature}': expected name(types).");
        }

        return (ValidateName(signature[..open].Trim()), ParseParameters(signature[(open + 1)..^1], allowIndexed));
    }

    /// <summary>Parses "uint256 amount, (address,bool)[] calls"; names are optional.</summary>
    public static List<AbiParameter> ParseParameters(string list, bool allowIndexed)
    {
        ArgumentNullException.ThrowIfNull(list);
        var parameters = new List<AbiParameter>();
        if (string.IsNullOrWhiteSpace(list))
        {
            return parameters;
        }

        foreach (var part in SplitTopLevel(list))
        {
            var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tokens.Length == 0)
            {
                throw new FormatException($"Invalid parameter list '{list}': an empty parameter.");
            }

            var indexed = tokens.Length > 1 && tokens[1] == "indexed";
            if (indexed && !allowIndexed)
            {
                throw new FormatException($"Invalid parameter list '{list}': only event inputs can be indexed.");
            }

            var rest = tokens.Skip(indexed ? 2 : 1).ToArray();
            if (rest.Length > 1)
            {
                throw new FormatException($"Invalid parameter '{part.Trim()}': expected 'type [indexed] [name]'.");
            }

            parameters.Add(new AbiParameter(rest.Length == 1 ? ValidateName(rest[0]) : "", AbiType.Parse(tokens[0]), indexed));
        }

        return parameters;
    }

    private static IEnumerable<string> SplitTopLevel(string list)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            depth += list[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (list[i] == ',' && depth == 0)
            {
                yield return list[start..i];
                start = i + 1;
            }
        }

        yield return list[start..];
    }

    private static string ValidateName(string name)
    {
        var valid = name.Length > 0
            && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
        return valid ? name : throw new FormatException($"'{name}' is not a Solidity identifier.");
    }
}
