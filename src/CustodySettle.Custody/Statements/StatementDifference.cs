using System.Globalization;

namespace CustodySettle.Custody.Statements;

/// <summary>Names the first field in which a resent statement differs from the stored one (for ALREADY_EXISTS).</summary>
internal static class StatementDifference
{
    public static string FirstField(StatementResult stored, StatementReport resent)
    {
        if (stored.AsOf.UtcTicks / 10 != resent.AsOf.UtcTicks / 10) // PostgreSQL keeps microseconds
        {
            return "as_of";
        }

        for (var i = 0; i < Math.Max(stored.Lines.Count, resent.Lines.Count); i++)
        {
            if (i >= stored.Lines.Count || i >= resent.Lines.Count)
            {
                return "lines";
            }

            var (a, b) = (stored.Lines[i].Line, resent.Lines[i]);
            var field = a.DeskId != b.DeskId ? "desk_id" : a.AssetCode != b.AssetCode ? "asset" : a.Balance != b.Balance ? "balance" : a.Reference != b.Reference ? "reference" : null;
            if (field is not null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"lines[{i}].{field}");
            }
        }

        return "as_of";
    }
}
