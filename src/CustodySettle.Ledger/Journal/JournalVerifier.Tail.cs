using Npgsql;

namespace CustodySettle.Ledger.Journal;

/// <summary>The head check and the failure-path lookups of <see cref="JournalVerifier"/>.</summary>
public sealed partial class JournalVerifier
{
    // One statement, so the head and the last entry come from the same snapshot: a writer moves both in
    // one transaction, and a torn read would report a concurrent append as tampering.
    private const string HeadSql = """
        SELECT coalesce(h.seq, 0), coalesce(h.hash, decode(repeat('00', 32), 'hex')), coalesce(l.seq, 0)
        FROM (SELECT @ledgerId AS ledger_id) x
        LEFT JOIN ledger_journal_heads h ON h.ledger_id = x.ledger_id
        LEFT JOIN LATERAL (
            SELECT j.seq FROM ledger_journal j WHERE j.ledger_id = x.ledger_id ORDER BY j.seq DESC LIMIT 1
        ) l ON true
        """;

    // prev_hash has no index: this scan runs once, only after a break was found, to classify it.
    private const string SuccessorSql = """
        SELECT j.seq FROM ledger_journal j
        WHERE j.ledger_id = @ledgerId AND j.seq > @afterSeq AND j.prev_hash = @hash
        ORDER BY j.seq
        LIMIT 1
        """;

    private static ChainFault? CheckHead(ChainChecker checker, HeadRow head)
    {
        if (head.HeadSeq < checker.LastSeq)
        {
            return new ChainFault(head.HeadSeq + 1, JournalBreakKind.InsertedEntry,
                $"the head is at seq {head.HeadSeq} but the chain continues to {checker.LastSeq}: entries past the head were not appended by the service");
        }

        if (head.HeadSeq > checker.LastSeq)
        {
            return new ChainFault(checker.LastSeq + 1, JournalBreakKind.HeadMismatch,
                $"the head is at seq {head.HeadSeq} but the chain ends at {checker.LastSeq}: the tail was truncated");
        }

        return head.HeadHash.AsSpan().SequenceEqual(checker.LastHash)
            ? null
            : new ChainFault(head.HeadSeq, JournalBreakKind.HeadMismatch,
                $"the head's hash {ChainChecker.Hex(head.HeadHash)} is not the last entry's {ChainChecker.Hex(checker.LastHash)}");
    }

    private async Task<HeadRow> ReadHeadAsync(int ledgerId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(HeadSql, connection);
        command.Parameters.AddWithValue("ledgerId", ledgerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new HeadRow(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2));
    }

    /// <summary>
    /// An entry that does not chain from its predecessor was either moved or stands where deleted entries
    /// were: if the predecessor's true successor sits at a later seq, the entries were reordered.
    /// </summary>
    private async Task<ChainFault> RefineUnlinkedAsync(int ledgerId, ChainChecker checker, ChainFault fault, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SuccessorSql, connection);
        command.Parameters.AddWithValue("ledgerId", ledgerId);
        command.Parameters.AddWithValue("afterSeq", fault.Seq);
        command.Parameters.AddWithValue("hash", checker.LastHash);
        var successor = await command.ExecuteScalarAsync(cancellationToken);
        return successor is long seq
            ? new ChainFault(fault.Seq, JournalBreakKind.Reordered,
                $"entry {checker.LastSeq}'s successor (prev_hash {ChainChecker.Hex(checker.LastHash)}) sits at seq {seq}, not {fault.Seq}: entries were moved")
            : fault;
    }
}
