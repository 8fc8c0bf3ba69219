namespace CustodySettle.Reconciliation;

/// <summary>A difference one run saw: what it is about (its key), the two sides and the evidence.</summary>
public sealed record Observation(BreakType Type, string DeskId, string CustodianId, string Asset, string Subject, string Expected, string Actual, Evidence Evidence)
{
    /// <summary>Identifies the condition across runs: the same key seen again updates the open break.</summary>
    public string Key => $"{Type}|{DeskId}|{CustodianId}|{Asset}|{Subject}";
}
