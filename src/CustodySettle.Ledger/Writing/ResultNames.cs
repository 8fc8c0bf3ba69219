using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Writing;

/// <summary>
/// ledger_transfers.result: <c>ok</c> or the <see cref="TransferResult"/> name in snake_case
/// (TigerBeetle's result names read the same way: <c>exceeds_credits</c>).
/// </summary>
internal static class ResultNames
{
    private static readonly FrozenDictionary<TransferResult, string> ToName =
        Enum.GetValues<TransferResult>().ToFrozenDictionary(r => r, r => SnakeCase(r.ToString()));

    private static readonly FrozenDictionary<string, TransferResult> FromName =
        ToName.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Name(TransferResult result) => ToName[result];

    public static TransferResult Parse(string name) =>
        FromName.TryGetValue(name, out var result)
            ? result
            : throw new InvalidOperationException($"ledger_transfers holds an unknown result '{name}'");

    internal static string SnakeCase(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
