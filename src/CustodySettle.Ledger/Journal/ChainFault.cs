namespace CustodySettle.Ledger.Journal;

/// <summary>
/// A break the pure <see cref="ChainChecker"/> found. <paramref name="Unlinked"/> marks entries whose
/// prev_hash does not name the previous entry: the verifier looks further (one query, on the failure path
/// only) to tell a reordering from a deletion.
/// </summary>
internal readonly record struct ChainFault(long Seq, JournalBreakKind Kind, string Detail, bool Unlinked = false);
