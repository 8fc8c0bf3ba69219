namespace CustodySettle.Reconciliation;

/// <summary>What kind of difference a break is (reconciliation_service.proto describes each).</summary>
public enum BreakType
{
    AmountMismatch,
    SupplyMismatch,
    MissingOnChain,
    UnexpectedOnChain,
    StaleStatement,
    UnknownSubaccount,
    JournalTampered,
    MarginMismatch,
}
