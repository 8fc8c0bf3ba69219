namespace CustodySettle.Ledger.Queries;

/// <summary>
/// Writes one CSV record per RFC 4180: fields separated by commas, records ended by CRLF, and a field
/// quoted (with inner quotes doubled) exactly when it holds a comma, a quote, CR or LF.
/// </summary>
internal static class CsvRow
{
    private static readonly char[] NeedsQuoting = [',', '"', '\r', '\n'];

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                await output.WriteAsync(",".AsMemory(), cancellationToken);
            }

            await output.WriteAsync(Quote(fields[i]).AsMemory(), cancellationToken);
        }

        await output.WriteAsync("\r\n".AsMemory(), cancellationToken);
    }

    internal static string Quote(string field) =>
        field.IndexOfAny(NeedsQuoting) < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
