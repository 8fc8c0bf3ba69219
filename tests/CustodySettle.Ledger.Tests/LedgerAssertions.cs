using System.Numerics;
using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Journal;
using Dapper;
using Npgsql;

namespace CustodySettle.Ledger.Tests;

/// <summary>Checks on the database state that the writer's tests share.</summary>
internal static class LedgerAssertions
{
    /// <summary>Everything a failed transfer must leave unchanged, as one comparable string.</summary>
    public static async Task<string> SnapshotAsync(LedgerHarness sut, Guid? excludeTransfer = null)
    {
        await using var connection = await sut.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>(
            """
            SELECT concat_ws(' | ',
                (SELECT count(*) FROM ledger_journal),
                (SELECT count(*) FROM ledger_transfers WHERE transfer_id <> @exclude),
                (SELECT string_agg(transfer_id || ':' || state, ',' ORDER BY transfer_id) FROM ledger_pending),
                (SELECT string_agg(concat_ws(':', account_id, debits_pending, debits_posted, credits_pending, credits_posted), ',' ORDER BY account_id) FROM ledger_accounts),
                (SELECT string_agg(ledger_id || ':' || seq, ',' ORDER BY ledger_id) FROM ledger_journal_heads))
            """,
            new { exclude = excludeTransfer ?? Guid.Empty }) ?? "";
    }

    /// <summary>Re-hashes a ledger's journal in sequence order with <see cref="JournalHasher"/> and checks its head.</summary>
    public static async Task ChainVerifiesAsync(LedgerHarness sut) => await ChainVerifiesAsync(sut.DataSource, sut.LedgerId);

    public static async Task<int> ChainVerifiesAsync(NpgsqlDataSource dataSource, int ledgerId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT seq, transfer_id, kind, debit_account_id, credit_account_id, amount, pending_id, code, reference,
                debit_debits_pending, debit_debits_posted, debit_credits_pending, debit_credits_posted,
                credit_debits_pending, credit_debits_posted, credit_credits_pending, credit_credits_posted,
                recorded_at, prev_hash, hash
            FROM ledger_journal WHERE ledger_id = @ledger ORDER BY seq
            """,
            connection);
        command.Parameters.AddWithValue("ledger", ledgerId);
        var previous = JournalHasher.Genesis;
        long expectedSeq = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Amount At(int i) => new(reader.GetFieldValue<BigInteger>(i));
                var entry = new JournalEntry(
                    ledgerId, reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), At(5),
                    reader.IsDBNull(6) ? null : reader.GetGuid(6), reader.GetInt32(7), reader.GetString(8),
                    new BalanceSnapshot(At(9), At(10), At(11), At(12)), new BalanceSnapshot(At(13), At(14), At(15), At(16)),
                    reader.GetFieldValue<DateTimeOffset>(17), reader.GetFieldValue<byte[]>(18), reader.GetFieldValue<byte[]>(19));
                Assert.Equal(++expectedSeq, entry.Seq);
                Assert.Equal(previous, entry.PrevHash);
                Assert.Equal(JournalHasher.Hash(previous, entry), entry.Hash);
                previous = entry.Hash;
            }
        }

        var head = await connection.QuerySingleAsync<(long Seq, byte[] Hash)>("SELECT seq, hash FROM ledger_journal_heads WHERE ledger_id = @ledgerId", new { ledgerId });
        Assert.Equal(expectedSeq, head.Seq);
        Assert.Equal(previous, head.Hash);
        return (int)expectedSeq;
    }
}
