namespace CustodySettle.Reconciliation;

/// <summary>Every statement the reconciliation store runs (0007_reconciliation.sql).</summary>
internal static class ReconciliationSql
{
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtext('custodysettle.reconciliation'))";

    public const string BreakColumns = """
        break_id AS BreakId, type AS Type, status AS Status, desk_id AS DeskId, custodian_id AS CustodianId, asset AS Asset,
        expected AS Expected, actual AS Actual, evidence::text AS Evidence, first_report_id AS FirstReportId, last_report_id AS LastReportId,
        opened_at AS OpenedAt, updated_at AS UpdatedAt, actor AS Actor, reason AS Reason, break_key AS BreakKey
        """;

    public const string Unresolved = $"SELECT {BreakColumns} FROM recon_breaks WHERE status <> 'resolved' FOR UPDATE";

    public const string InsertBreak = """
        INSERT INTO recon_breaks (break_id, break_key, type, status, desk_id, custodian_id, asset, expected, actual, evidence,
            first_report_id, last_report_id, opened_at, updated_at, actor, reason)
        VALUES (@BreakId, @BreakKey, @Type, @Status, @DeskId, @CustodianId, @Asset, @Expected, @Actual, @Evidence::jsonb,
            @FirstReportId, @LastReportId, @OpenedAt, @UpdatedAt, @Actor, @Reason)
        """;

    public const string UpdateBreak = """
        UPDATE recon_breaks SET status = @Status, expected = @Expected, actual = @Actual, evidence = @Evidence::jsonb,
            last_report_id = @LastReportId, updated_at = @UpdatedAt, actor = @Actor, reason = @Reason
        WHERE break_id = @BreakId
        """;

    public const string InsertEvent = "INSERT INTO recon_break_events (break_id, body, recorded_at) VALUES (@BreakId, @Body::jsonb, @Now)";

    public const string InsertReport = """
        INSERT INTO recon_reports (report_id, request_id, started_at, finished_at, block_number, body)
        VALUES (@ReportId, @RequestId, @StartedAt, @FinishedAt, @BlockNumber, @Body::jsonb)
        """;

    public const string ReportById = "SELECT body::text FROM recon_reports WHERE report_id = @ReportId";

    public const string ReportByRequest = "SELECT body::text FROM recon_reports WHERE request_id = @RequestId";

    public const string ListBreaks = $"""
        SELECT {BreakColumns} FROM recon_breaks
        WHERE (@Status::text IS NULL OR status = @Status) AND (@DeskId::text IS NULL OR desk_id = @DeskId)
        ORDER BY opened_at, break_id
        """;

    public const string BreakById = $"SELECT {BreakColumns} FROM recon_breaks WHERE break_id = @BreakId FOR UPDATE";

    public const string EventsAfter = "SELECT sequence AS Sequence, body::text AS Body FROM recon_break_events WHERE sequence > @After ORDER BY sequence LIMIT @Limit";
}
