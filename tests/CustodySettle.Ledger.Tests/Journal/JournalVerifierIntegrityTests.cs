using CustodySettle.Ledger.Journal;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Ledger.Tests.Journal;

/// <summary>
/// What the foreign keys dropped by migration 0003 used to guarantee, proven by the verifier instead: a
/// journal entry naming a missing account, an account of another ledger, or an unregistered ledger is
/// reported. The tampering runs as the superuser with triggers off (session_replication_role = replica),
/// which is how someone with the owner's rights would get past the keys that remain.
/// </summary>
public sealed class JournalVerifierIntegrityTests
{
    [Theory]
    [InlineData("DELETE FROM ledger_accounts WHERE account_id = @a")]
    [InlineData("UPDATE ledger_accounts SET ledger_id = @other, owner_id = 'moved' WHERE account_id = @a")]
    public async Task VerifyAsync_EntryNamesAccountOutsideItsLedger_ReportsUnknownAccountAtItsFirstEntry(string sql)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var journal = await new JournalBuilder(database.DataSource, 7).OpenAsync(4);
        var other = await new JournalBuilder(database.DataSource, 8).OpenAsync(1);
        journal.Random(new Random(3), 40);
        await journal.FlushAsync();
        var victim = journal.Entries[10].CreditAccountId;
        var firstSeq = journal.Entries.First(e => e.DebitAccountId == victim || e.CreditAccountId == victim).Seq;
        await TamperAsync(database, sql, new { a = victim, other = other.LedgerId });

        var result = await new JournalVerifier(database.DataSource).VerifyAsync(journal.LedgerId, null, CancellationToken.None);

        Assert.Equal((firstSeq, JournalBreakKind.UnknownAccount), (result.FirstBreak?.Seq, result.FirstBreak?.Kind));
        Assert.Contains($"account {victim}", result.FirstBreak!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAllAsync_JournalOfUnregisteredLedger_ReportsUnknownLedger()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var journal = await new JournalBuilder(database.DataSource, 9).OpenAsync(3);
        journal.Random(new Random(4), 12);
        await journal.FlushAsync();
        await TamperAsync(database, "DELETE FROM ledger_assets WHERE ledger_id = @l", new { l = journal.LedgerId });

        var result = await new JournalVerifier(database.DataSource).VerifyAllAsync(null, CancellationToken.None);

        Assert.Equal((journal.LedgerId, 1L, JournalBreakKind.UnknownLedger), (result.FirstBreak?.LedgerId, result.FirstBreak?.Seq, result.FirstBreak?.Kind));
    }

    [Fact]
    public async Task VerifyAllAsync_IntactLedgers_AreOk()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var journal = await new JournalBuilder(database.DataSource, 11).OpenAsync(3);
        journal.Random(new Random(5), 30);
        await journal.FlushAsync();

        var result = await new JournalVerifier(database.DataSource).VerifyAllAsync(null, CancellationToken.None);

        Assert.True(result.IsOk, result.FirstBreak?.ToString());
        Assert.Equal(30, result.EntriesChecked);
    }

    private static async Task TamperAsync(TestDatabase database, string sql, object parameters)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL session_replication_role = replica", transaction: transaction);
        await connection.ExecuteAsync(sql, parameters, transaction);
        await transaction.CommitAsync();
    }
}
