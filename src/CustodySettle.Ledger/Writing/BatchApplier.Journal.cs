using CustodySettle.Ledger.Journal;

namespace CustodySettle.Ledger.Writing;

/// <summary>Chains the batch's applied entries onto each ledger's locked head, in request order.</summary>
internal sealed partial class BatchApplier
{
    /// <summary>Assigns sequences and hashes; returns the entries in the order they chain.</summary>
    private List<JournalEntry> BuildJournal(IReadOnlyList<TransferSlot[]> submissions)
    {
        var entries = new List<JournalEntry>();
        foreach (var slot in submissions.SelectMany(s => s))
        {
            if (slot.Entry is not { } draft || slot.ReplayOf is not null)
            {
                continue;
            }

            var head = _state.Heads[draft.LedgerId];
            var unhashed = draft with { Seq = head.Seq + 1, PrevHash = head.Hash, Hash = [] };
            var entry = unhashed with { Hash = JournalHasher.Hash(head.Hash, unhashed) };
            (head.Seq, head.Hash, head.Dirty) = (entry.Seq, entry.Hash, true);
            slot.Entry = entry;
            slot.JournalSeq = entry.Seq;
            entries.Add(entry);
        }

        return entries;
    }
}
