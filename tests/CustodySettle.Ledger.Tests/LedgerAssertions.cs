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
            $"SELECT {JournalColumns.Select} FROM ledger_journal j WHERE j.ledger_id = @ledger ORDER BY j.seq", connection);
        command.Parameters.AddWithValue("ledger", ledgerId);
        var previous = JournalHasher.Genesis;
        long expectedSeq = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var entry = JournalColumns.Read(reader);
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
