namespace CustodySettle.Reconciliation;

/// <summary>A recon_breaks row as Dapper reads it.</summary>
internal sealed record BreakRow(
    Guid BreakId, string Type, string Status, string DeskId, string CustodianId, string Asset, string Expected, string Actual, string Evidence,
    Guid FirstReportId, Guid LastReportId, DateTime OpenedAt, DateTime UpdatedAt, string Actor, string Reason, string BreakKey)
{
    public BreakRecord ToRecord() => new(
        BreakId, Enum.Parse<BreakType>(Type), Enum.Parse<BreakStatus>(Status, ignoreCase: true), DeskId, CustodianId, Asset, Expected, Actual,
        ReconciliationJson.Read<Evidence>(Evidence), FirstReportId, LastReportId, Utc(OpenedAt), Utc(UpdatedAt), Actor, Reason);

    public static object Parameters(BreakRecord record, string key) => new
    {
        record.BreakId, BreakKey = key, Type = record.Type.ToString(), Status = record.Status.ToString().ToLowerInvariant(), record.DeskId,
        record.CustodianId, record.Asset, record.Expected, record.Actual, Evidence = ReconciliationJson.Write(record.Evidence), record.FirstReportId,
        record.LastReportId, OpenedAt = record.OpenedAt.UtcDateTime, UpdatedAt = record.UpdatedAt.UtcDateTime, record.Actor, record.Reason,
    };

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
