namespace CustodySettle.Reconciliation;

/// <summary>One run: the block read, each (desk, custodian, asset)'s figures on every side, each linked subaccount, the breaks seen.</summary>
public sealed record ReconciliationReport(
    Guid ReportId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    long BlockNumber,
    string BlockHash,
    IReadOnlyList<TargetFigures> Targets,
    IReadOnlyList<SubaccountFigures> Subaccounts,
    IReadOnlyList<BreakRecord> Breaks,
    int Cleared);

/// <summary>A (desk, custodian, asset): the custodian's latest statement, the ledger, the token (amounts in the asset's smallest unit).</summary>
public sealed record TargetFigures(
    string DeskId, string CustodianId, string Asset, string StatementBalance, string StatementId, string LedgerBalance,
    string TokenAddress, string TokenSupply, string WalletBalance, string SubaccountCollateral);

/// <summary>A linked subaccount at the block (18-decimal fixed point, as SubAccounts stores them).</summary>
public sealed record SubaccountFigures(string SubaccountId, string DeskId, string Owner, string Cash, string PerpPosition, string InitialMargin, string MaintenanceMargin);
