namespace CustodySettle.Ledger.Journal;

/// <summary>What kind of tampering (or writer bug) a broken link of the journal's hash chain shows.</summary>
public enum JournalBreakKind
{
    /// <summary>An entry's fields no longer hash to its stored hash: a column was altered in place.</summary>
    ChangedEntry,

    /// <summary>An entry is missing: a sequence gap, or an entry whose prev_hash names an entry that is gone.</summary>
    DeletedEntry,

    /// <summary>An entry that the service did not append: past the chain's head, or a second entry chaining from the same predecessor.</summary>
    InsertedEntry,

    /// <summary>Entries are present but out of order: the true successor of the previous entry sits at a later sequence.</summary>
    Reordered,

    /// <summary>The head row does not name the last entry (a truncated tail, or a head rewritten).</summary>
    HeadMismatch,

    /// <summary>A hash-valid entry whose balance snapshot is not the previous snapshot plus this entry's effect.</summary>
    BalanceMismatch,

    /// <summary>The chain is intact but an account's current counters are not its replayed balance at the head.</summary>
    AccountMismatch,

    /// <summary>An entry names an account that does not exist, or that belongs to another ledger (no foreign key
    /// guards the journal's hot insert path: migration 0003).</summary>
    UnknownAccount,

    /// <summary>The ledger has journal entries but is not registered in <c>ledger_assets</c>.</summary>
    UnknownLedger,
}
