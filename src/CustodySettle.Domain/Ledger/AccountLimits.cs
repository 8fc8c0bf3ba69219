namespace CustodySettle.Domain.Ledger;

/// <summary>An account's limit (TigerBeetle's account flags): pending amounts count against it too.</summary>
[Flags]
public enum AccountLimits
{
    None = 0,

    /// <summary>debits_pending + debits_posted may never exceed credits_posted: an asset account that cannot go negative.</summary>
    DebitsMustNotExceedCredits = 1,

    /// <summary>credits_pending + credits_posted may never exceed debits_posted.</summary>
    CreditsMustNotExceedDebits = 2,
}
