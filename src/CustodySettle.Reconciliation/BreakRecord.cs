namespace CustodySettle.Reconciliation;

/// <summary>A stored break and where it stands.</summary>
public sealed record BreakRecord(
    Guid BreakId,
    BreakType Type,
    BreakStatus Status,
    string DeskId,
    string CustodianId,
    string Asset,
    string Expected,
    string Actual,
    Evidence Evidence,
    Guid FirstReportId,
    Guid LastReportId,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    string Actor,
    string Reason);
