namespace CustodySettle.Ledger.Queries;

/// <summary>What a statement export wrote: accounts covered and journal lines (opening and closing rows excluded).</summary>
public sealed record StatementSummary(int Accounts, long Lines);
