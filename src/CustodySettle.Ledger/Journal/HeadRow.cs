namespace CustodySettle.Ledger.Journal;

/// <summary>A ledger's head row and the seq of its last stored entry, read in one snapshot (0 when absent).</summary>
internal readonly record struct HeadRow(long HeadSeq, byte[] HeadHash, long LastSeq);
