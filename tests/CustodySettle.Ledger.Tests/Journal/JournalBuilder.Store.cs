using Dapper;
using NpgsqlTypes;

namespace CustodySettle.Ledger.Tests.Journal;

/// <summary>Copies the built entries into the database, as the writer would leave them.</summary>
internal sealed partial class JournalBuilder
{
    private const string CopySql = """
        COPY ledger_journal (ledger_id, seq, transfer_id, kind, debit_account_id, credit_account_id, amount, pending_id, code,
            reference, debit_debits_pending, debit_debits_posted, debit_credits_pending, debit_credits_posted,
            credit_debits_pending, credit_debits_posted, credit_credits_pending, credit_credits_posted, recorded_at, prev_hash, hash)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Stores the entries not stored yet; <paramref name="moveHead"/> false leaves the head (and counters) behind, as a forger would.</summary>
    public async Task<JournalBuilder> FlushAsync(bool moveHead = true)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = _flushed;
        await using (var importer = await connection.BeginBinaryImportAsync(CopySql))
        {
            foreach (var e in Entries.Skip(_flushed))
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(e.LedgerId, NpgsqlDbType.Integer);
                await importer.WriteAsync(e.Seq, NpgsqlDbType.Bigint);
                await importer.WriteAsync(e.TransferId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(e.Kind, NpgsqlDbType.Text);
                await importer.WriteAsync(e.DebitAccountId, NpgsqlDbType.Bigint);
                await importer.WriteAsync(e.CreditAccountId, NpgsqlDbType.Bigint);
                await importer.WriteAsync(e.Amount.Value, NpgsqlDbType.Numeric);
                if (e.PendingId is { } pendingId)
                {
                    await importer.WriteAsync(pendingId, NpgsqlDbType.Uuid);
                }
                else
                {
                    await importer.WriteNullAsync();
                }

                await importer.WriteAsync(e.Code, NpgsqlDbType.Integer);
                await importer.WriteAsync(e.Reference, NpgsqlDbType.Text);
                foreach (var s in new[] { e.DebitAfter, e.CreditAfter })
                {
                    await importer.WriteAsync(s.DebitsPending.Value, NpgsqlDbType.Numeric);
                    await importer.WriteAsync(s.DebitsPosted.Value, NpgsqlDbType.Numeric);
                    await importer.WriteAsync(s.CreditsPending.Value, NpgsqlDbType.Numeric);
                    await importer.WriteAsync(s.CreditsPosted.Value, NpgsqlDbType.Numeric);
                }

                await importer.WriteAsync(e.RecordedAt, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(e.PrevHash, NpgsqlDbType.Bytea);
                await importer.WriteAsync(e.Hash, NpgsqlDbType.Bytea);
            }

            await importer.CompleteAsync();
        }

        _flushed = Entries.Count;
        await connection.ExecuteAsync(
            """
            INSERT INTO ledger_transfers (transfer_id, ledger_id, kind, debit_account_id, credit_account_id, amount, pending_id,
                code, reference, request_hash, request, result, journal_seq, recorded_at)
            SELECT transfer_id, ledger_id, kind, debit_account_id, credit_account_id, amount, pending_id,
                code, reference, sha256(transfer_id::text::bytea), '{}'::jsonb, 'ok', seq, recorded_at
            FROM ledger_journal WHERE ledger_id = @ledgerId AND seq > @before
            """,
            new { ledgerId, before }, transaction);
        if (moveHead && Entries.Count > 0)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO ledger_journal_heads (ledger_id, seq, hash) VALUES (@ledgerId, @seq, @hash)
                ON CONFLICT (ledger_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
                """,
                new { ledgerId, seq = Entries[^1].Seq, hash = Entries[^1].Hash }, transaction);
            foreach (var (account, b) in _balances)
            {
                await using var update = new Npgsql.NpgsqlCommand(
                    """
                    UPDATE ledger_accounts SET debits_pending = $1, debits_posted = $2, credits_pending = $3, credits_posted = $4
                    WHERE account_id = $5
                    """, connection, transaction);
                update.Parameters.Add(new() { Value = b.DebitsPending.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
                update.Parameters.Add(new() { Value = b.DebitsPosted.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
                update.Parameters.Add(new() { Value = b.CreditsPending.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
                update.Parameters.Add(new() { Value = b.CreditsPosted.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
                update.Parameters.Add(new() { Value = account });
                await update.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        return this;
    }
}
