using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>Renders decoded values for messages and logs: decimal integers, checksummed addresses, hex bytes.</summary>
internal static class AbiValueFormatter
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        byte[] bytes => Hex.Encode(bytes),
        string text => $"\"{text}\"",
        object[] items => $"[{string.Join(", ", items.Select(Format))}]",
        _ => value.ToString() ?? "",
    };

    /// <summary>"Name(a: 1, b: 0x...)", or positional when the names are missing.</summary>
    public static string FormatCall(string name, AbiValues values) => $"{name}({string.Join(", ", Enumerable.Range(0, values.Count).Select(i =>
        values.Names[i].Length == 0 ? Format(values[i]) : $"{values.Names[i]}: {Format(values[i])}"))})";
}
