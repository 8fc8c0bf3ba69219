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

    /// <summary>
    /// A free-text field a client supplied (a reference, an owner's or custodian's id): one that starts
    /// with = + - @ or a control character would run as a formula in a spreadsheet, so it gets a leading
    /// apostrophe (OWASP, "CSV Injection"). Never used on amounts, which may be negative.
    /// </summary>
    public static string UserText(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;

    internal static string Quote(string field) =>
        field.IndexOfAny(NeedsQuoting) < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
