namespace CustodySettle.Reconciliation;

/// <summary>Where a break's figures come from: the block read, the statement, the journal sequence, the token, the subaccount.</summary>
public sealed record Evidence(
    long BlockNumber, string BlockHash, string StatementId = "", long JournalSequence = 0, string TokenAddress = "", string SubaccountId = "", string Detail = "");
