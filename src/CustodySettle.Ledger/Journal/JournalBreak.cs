namespace CustodySettle.Ledger.Journal;

/// <summary>The first broken link the verifier found: where it is, what it looks like, and the evidence.</summary>
/// <param name="LedgerId">The ledger (asset) whose chain is broken.</param>
/// <param name="Seq">The sequence of the offending entry, or of the missing one for a deletion or truncation.</param>
/// <param name="Kind">The classification of the break.</param>
/// <param name="Detail">Human-readable evidence (hashes in hex, the sequences involved) for the auditor's report.</param>
public sealed record JournalBreak(int LedgerId, long Seq, JournalBreakKind Kind, string Detail);
