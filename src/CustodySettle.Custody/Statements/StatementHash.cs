using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustodySettle.Custody.Statements;

/// <summary>SHA-256 over a canonical encoding of a report: equal exactly when the payloads are equal, to tell a replay from a changed resend.</summary>
internal static class StatementHash
{
    public static byte[] Of(StatementReport report)
    {
        var text = new StringBuilder();
        Append(text, report.CustodianId);
        Append(text, report.StatementId);
        Append(text, report.AsOf.ToUniversalTime().UtcTicks.ToString(CultureInfo.InvariantCulture));
        foreach (var line in report.Lines)
        {
            Append(text, line.DeskId);
            Append(text, line.AssetCode);
            Append(text, line.Balance.ToString(CultureInfo.InvariantCulture));
            Append(text, line.Reference);
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void Append(StringBuilder text, string part) => text.Append(part.Length).Append(':').Append(part).Append('|');
}
