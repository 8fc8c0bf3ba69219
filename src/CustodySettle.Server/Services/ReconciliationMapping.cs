using CustodySettle.Reconciliation;
using Google.Protobuf.WellKnownTypes;
using V1 = CustodySettle.Api.V1;

namespace CustodySettle.Server.Services;

/// <summary>Reports and breaks as ReconciliationService messages.</summary>
internal static class ReconciliationMapping
{
    public static V1.ReconciliationReport ToMessage(this ReconciliationReport report)
    {
        var message = new V1.ReconciliationReport
        {
            ReportId = report.ReportId.ToString(),
            StartedAt = Timestamp.FromDateTimeOffset(report.StartedAt),
            FinishedAt = Timestamp.FromDateTimeOffset(report.FinishedAt),
            BlockNumber = report.BlockNumber,
            BlockHash = report.BlockHash,
            Cleared = report.Cleared,
        };
        message.Targets.AddRange(report.Targets.Select(t => new V1.TargetLine
        {
            DeskId = t.DeskId, CustodianId = t.CustodianId, Asset = t.Asset, StatementBalance = t.StatementBalance, StatementId = t.StatementId,
            LedgerBalance = t.LedgerBalance, TokenAddress = t.TokenAddress, TokenSupply = t.TokenSupply, WalletBalance = t.WalletBalance,
            SubaccountCollateral = t.SubaccountCollateral,
        }));
        message.Subaccounts.AddRange(report.Subaccounts.Select(s => new V1.SubaccountLine
        {
            SubaccountId = s.SubaccountId, DeskId = s.DeskId, Owner = s.Owner, Cash = s.Cash, PerpPosition = s.PerpPosition,
            InitialMargin = s.InitialMargin, MaintenanceMargin = s.MaintenanceMargin,
        }));
        message.Breaks.AddRange(report.Breaks.Select(b => b.ToMessage()));
        return message;
    }

    public static V1.Break ToMessage(this BreakRecord record) => new()
    {
        BreakId = record.BreakId.ToString(),
        Type = record.Type switch
        {
            BreakType.AmountMismatch => V1.BreakType.AmountMismatch,
            BreakType.SupplyMismatch => V1.BreakType.SupplyMismatch,
            BreakType.MissingOnChain => V1.BreakType.MissingOnChain,
            BreakType.UnexpectedOnChain => V1.BreakType.UnexpectedOnChain,
            BreakType.StaleStatement => V1.BreakType.StaleStatement,
            BreakType.UnknownSubaccount => V1.BreakType.UnknownSubaccount,
            BreakType.JournalTampered => V1.BreakType.JournalTampered,
            BreakType.MarginMismatch => V1.BreakType.MarginMismatch,
            _ => V1.BreakType.Unspecified,
        },
        Status = ToMessage(record.Status),
        DeskId = record.DeskId,
        CustodianId = record.CustodianId,
        Asset = record.Asset,
        Expected = record.Expected,
        Actual = record.Actual,
        Evidence = new V1.Evidence
        {
            BlockNumber = record.Evidence.BlockNumber, BlockHash = record.Evidence.BlockHash, StatementId = record.Evidence.StatementId,
            JournalSequence = record.Evidence.JournalSequence, TokenAddress = record.Evidence.TokenAddress, SubaccountId = record.Evidence.SubaccountId,
            Detail = record.Evidence.Detail,
        },
        FirstReportId = record.FirstReportId.ToString(),
        LastReportId = record.LastReportId.ToString(),
        OpenedAt = Timestamp.FromDateTimeOffset(record.OpenedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(record.UpdatedAt),
        Actor = record.Actor,
        Reason = record.Reason,
    };

    public static V1.BreakStatus ToMessage(BreakStatus status) => status switch
    {
        BreakStatus.Open => V1.BreakStatus.Open,
        BreakStatus.Acknowledged => V1.BreakStatus.Acknowledged,
        BreakStatus.Resolved => V1.BreakStatus.Resolved,
        _ => V1.BreakStatus.Unspecified,
    };

    public static BreakStatus? FromMessage(V1.BreakStatus status) => status switch
    {
        V1.BreakStatus.Open => BreakStatus.Open,
        V1.BreakStatus.Acknowledged => BreakStatus.Acknowledged,
        V1.BreakStatus.Resolved => BreakStatus.Resolved,
        _ => null,
    };
}
