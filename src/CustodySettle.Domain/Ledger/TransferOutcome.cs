namespace CustodySettle.Domain.Ledger;

/// <summary>
/// What happened to a transfer: its result, the journal sequence of its entry when it applied, and
/// whether this answer is a replay of a stored outcome (same id, same request).
/// </summary>
public sealed record TransferOutcome(Guid Id, TransferResult Result, long? JournalSeq, bool Replayed = false, string? DifferingField = null);
