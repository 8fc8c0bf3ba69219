using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Journal;

namespace CustodySettle.Ledger.Writing;

/// <summary>One request's place in a batch: what it asks, and what became of it.</summary>
internal sealed class TransferSlot(TransferRequest request, OperationKind kind, RequestFingerprint fingerprint)
{
    public TransferRequest Request { get; } = request;

    public OperationKind Kind { get; } = kind;

    public RequestFingerprint Fingerprint { get; } = fingerprint;

    /// <summary>Its outcome is settled without applying it: a replay, a conflicting id, or an empty id.</summary>
    public bool PreResolved { get; set; }

    /// <summary>A later duplicate of an id earlier in the same batch with the same request.</summary>
    public TransferSlot? ReplayOf { get; set; }

    public bool Decided { get; set; }

    public TransferResult Result { get; set; }

    public long? JournalSeq { get; set; }

    public bool Replayed { get; set; }

    public string? DifferingField { get; set; }

    /// <summary>Its idempotency record goes into ledger_transfers.</summary>
    public bool WriteRecord { get; set; }

    public Guid? LinkedBatchId { get; set; }

    public DateTimeOffset? TimeoutAt { get; set; }

    /// <summary>The journal entry (without sequence and hash until the batch's chain is built).</summary>
    public JournalEntry? Entry { get; set; }

    public TransferOutcome ToOutcome() => new(Request.Id, Result, JournalSeq, Replayed, DifferingField);
}
