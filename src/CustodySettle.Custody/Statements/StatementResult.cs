namespace CustodySettle.Custody.Statements;

/// <summary>A stored statement with every line's effect.</summary>
public sealed record StatementResult(
    string CustodianId, string StatementId, DateTimeOffset AsOf, DateTimeOffset ReceivedAt, bool Applied, IReadOnlyList<StatementLineResult> Lines);
