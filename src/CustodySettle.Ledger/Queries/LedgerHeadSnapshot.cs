namespace CustodySettle.Ledger.Queries;

/// <summary>A ledger's journal head: its last sequence and that entry's hash (32 zero bytes before any entry).</summary>
public sealed record LedgerHeadSnapshot(int LedgerId, long Seq, byte[] Hash);
