using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Journal;

namespace CustodySettle.Ledger.Writing;

/// <summary>
/// Applies a batch in memory, in request order, against the rows it locked: idempotency first, then
/// each submission's linked chains all-or-nothing (TigerBeetle's semantics). Nothing here does I/O.
/// </summary>
internal sealed partial class BatchApplier
{
    private readonly BatchState _state;
    private readonly DateTimeOffset _now;
    private readonly int _maxReferenceLength;
    private readonly UndoLog _undo = new();
    private readonly Dictionary<Guid, TransferSlot> _firstById = [];

    public BatchApplier(BatchState state, DateTimeOffset now, int maxReferenceLength)
    {
        _state = state;
        _now = now;
        _maxReferenceLength = maxReferenceLength;
    }

    /// <summary>Applies every submission's slots (each array one submission, in order); returns the journal entries to append.</summary>
    public List<JournalEntry> Apply(IReadOnlyList<TransferSlot[]> submissions)
    {
        foreach (var slots in submissions)
        {
            ApplySubmission(slots);
        }

        var entries = BuildJournal(submissions);

        // A duplicate inside the batch answers with its original's final outcome, as a stored replay would.
        foreach (var slots in submissions)
        {
            foreach (var slot in slots.Where(s => s.ReplayOf is not null))
            {
                var original = slot.ReplayOf!;
                (slot.Result, slot.JournalSeq, slot.Replayed, slot.Decided) = (original.Result, original.JournalSeq, true, true);
            }
        }

        return entries;
    }

    private void ApplySubmission(TransferSlot[] slots)
    {
        var start = 0;
        while (start < slots.Length)
        {
            var end = start;
            while (slots[end].Request.LinkedToNext && end < slots.Length - 1)
            {
                end++;
            }

            if (slots[end].Request.LinkedToNext)
            {
                // The submission ends inside a chain: none of it may apply.
                for (var i = start; i <= end; i++)
                {
                    if (!PreResolve(slots[i]))
                    {
                        Decide(slots[i], TransferResult.LinkedChainOpen);
                    }
                }
            }
            else
            {
                ApplyChain(slots, start, end);
            }

            start = end + 1;
        }
    }

    private void ApplyChain(TransferSlot[] slots, int start, int end)
    {
        _undo.Clear();
        var failedAt = -1;
        for (var i = start; i <= end && failedAt < 0; i++)
        {
            var slot = slots[i];
            if (end > start)
            {
                slot.LinkedBatchId = slots[start].Request.Id;
            }

            if (PreResolve(slot))
            {
                failedAt = IsFailing(slot) ? i : -1;
                continue;
            }

            var result = slot.Kind == OperationKind.ExpirePending ? ApplyExpiry(slot) : ApplyTransfer(slot);
            Decide(slot, result);
            if (result != TransferResult.Ok)
            {
                failedAt = i;
            }
        }

        if (failedAt < 0 || end == start)
        {
            return;
        }

        _undo.Rollback();
        for (var i = start; i <= end; i++)
        {
            var slot = slots[i];
            if (i == failedAt || (i > failedAt ? PreResolve(slot) : slot.PreResolved))
            {
                continue;
            }

            slot.LinkedBatchId = slots[start].Request.Id;
            slot.Entry = null;
            slot.TimeoutAt = null;
            Decide(slot, TransferResult.LinkedTransferFailed);
        }
    }

    private static void Decide(TransferSlot slot, TransferResult result)
    {
        slot.Result = result;
        slot.Decided = true;
        // The expirer's skips (already resolved, not yet due) are not requests anyone can replay.
        slot.WriteRecord = result == TransferResult.Ok || slot.Kind != OperationKind.ExpirePending;
        if (result != TransferResult.Ok)
        {
            slot.Entry = null;
            slot.TimeoutAt = null;
        }
    }

    /// <summary>Settles a slot that must not apply (empty id, stored or in-batch replay, changed replay); false if it is new.</summary>
    private bool PreResolve(TransferSlot slot)
    {
        var id = slot.Request.Id;
        if (id == Guid.Empty)
        {
            // No record: an empty id is no key, so it can never be replayed.
            (slot.Result, slot.Decided, slot.PreResolved) = (TransferResult.IdMustNotBeEmpty, true, true);
            return true;
        }

        if (_state.Stored.TryGetValue(id, out var stored))
        {
            slot.PreResolved = true;
            slot.Decided = true;
            if (stored.RequestHash.AsSpan().SequenceEqual(slot.Fingerprint.Hash))
            {
                (slot.Result, slot.JournalSeq, slot.Replayed) = (stored.Result, stored.JournalSeq, true);
            }
            else
            {
                slot.Result = TransferResult.ExistsWithDifferentFields;
                slot.DifferingField = RequestFingerprint.FirstDifference(stored.RequestJson, slot.Fingerprint.Json);
            }

            return true;
        }

        if (_firstById.TryGetValue(id, out var first))
        {
            slot.PreResolved = true;
            if (first.Fingerprint.Hash.AsSpan().SequenceEqual(slot.Fingerprint.Hash))
            {
                slot.ReplayOf = first;
            }
            else
            {
                (slot.Result, slot.Decided) = (TransferResult.ExistsWithDifferentFields, true);
                slot.DifferingField = RequestFingerprint.FirstDifference(first.Fingerprint.Json, slot.Fingerprint.Json);
            }

            return true;
        }

        _firstById.Add(id, slot);
        return false;
    }

    /// <summary>Whether a settled slot breaks its chain: any failure does; a replay of a success does not.</summary>
    private static bool IsFailing(TransferSlot slot) =>
        slot.ReplayOf is { } original
            ? original.Decided && original.Result != TransferResult.Ok
            : slot.Result != TransferResult.Ok;
}
