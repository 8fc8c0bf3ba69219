namespace CustodySettle.Ledger.Writing;

/// <summary>A ledger's locked ledger_journal_heads row: the chain's last sequence and hash.</summary>
internal sealed class JournalHead(int ledgerId, long seq, byte[] hash)
{
    public int LedgerId { get; } = ledgerId;

    public long Seq { get; set; } = seq;

    public byte[] Hash { get; set; } = hash;

    public bool Dirty { get; set; }
}
