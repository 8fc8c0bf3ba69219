using System.Globalization;
using System.Numerics;

namespace CustodySettle.Custody.Statements;

/// <summary>custody_statements as Dapper reads it.</summary>
internal sealed record StatementHeaderRow(string CustodianId, string StatementId, DateTime AsOf, DateTime ReceivedAt, byte[] RequestHash, string Status)
{
    public StatementResult ToResult(IReadOnlyList<StatementLineResult> lines) =>
        new(CustodianId, StatementId, Utc(AsOf), Utc(ReceivedAt), Status == "applied", lines);

    internal static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

/// <summary>custody_statement_lines (with the asset code) as Dapper reads it; amounts as text, exact at any size.</summary>
internal sealed record StatementLineRow(
    int LineNo, string DeskId, string AssetCode, string Balance, string Reference, int LedgerId, string LedgerBalanceBefore, string Delta,
    string Effect, Guid? TransferId, long? JournalSeq, string Detail)
{
    public StatementLineResult ToResult() => new(
        LineNo, new ReportedLine(DeskId, AssetCode, Parse(Balance), Reference), LedgerId, Parse(LedgerBalanceBefore), Parse(Delta),
        Enum.Parse<LineEffect>(Effect, ignoreCase: true), TransferId, JournalSeq, Detail);

    private static BigInteger Parse(string value) => BigInteger.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
