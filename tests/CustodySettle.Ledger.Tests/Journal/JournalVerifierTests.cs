using CustodySettle.Ledger.Journal;
using CustodySettle.Testing;
using Dapper;
using Npgsql;

namespace CustodySettle.Ledger.Tests.Journal;

/// <summary>The verifier against valid journals and against tampering done as the cluster superuser.</summary>
public sealed class JournalVerifierTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Length = 40;
    private const long Target = 20;
    private static int _nextLedger = 100;

    public static TheoryData<string, string, long, JournalBreakKind> SqlTampering => new()
    {
        { "amount", "UPDATE ledger_journal SET amount = amount + 1 WHERE ledger_id = @l AND seq = 20", Target, JournalBreakKind.ChangedEntry },
        { "snapshot", "UPDATE ledger_journal SET credit_credits_posted = credit_credits_posted + 1 WHERE ledger_id = @l AND seq = 20", Target, JournalBreakKind.ChangedEntry },
        { "recorded_at", "UPDATE ledger_journal SET recorded_at = recorded_at + interval '1 microsecond' WHERE ledger_id = @l AND seq = 20", Target, JournalBreakKind.ChangedEntry },
        { "prev_hash", "UPDATE ledger_journal SET prev_hash = sha256('x') WHERE ledger_id = @l AND seq = 20", Target, JournalBreakKind.ChangedEntry },
        { "delete middle", "DELETE FROM ledger_journal WHERE ledger_id = @l AND seq = 20", Target, JournalBreakKind.DeletedEntry },
        { "delete first", "DELETE FROM ledger_journal WHERE ledger_id = @l AND seq = 1", 1, JournalBreakKind.DeletedEntry },
        { "delete last", "DELETE FROM ledger_journal WHERE ledger_id = @l AND seq = 40", Length, JournalBreakKind.HeadMismatch },
        { "head hash", "UPDATE ledger_journal_heads SET hash = sha256('x') WHERE ledger_id = @l", Length, JournalBreakKind.HeadMismatch },
        {
            "account counter",
            "UPDATE ledger_accounts SET credits_posted = credits_posted + 1 WHERE account_id = (SELECT min(account_id) FROM ledger_accounts WHERE ledger_id = @l)",
            Length, JournalBreakKind.AccountMismatch
        },
        {
            "swap seq",
            """
            UPDATE ledger_journal SET seq = 1000000 WHERE ledger_id = @l AND seq = 20;
            UPDATE ledger_journal SET seq = 20 WHERE ledger_id = @l AND seq = 21;
            UPDATE ledger_journal SET seq = 21 WHERE ledger_id = @l AND seq = 1000000;
            """,
            Target, JournalBreakKind.Reordered
        },
    };

    [Fact]
    public async Task VerifyAsync_ValidChainOfThousands_IsOk()
    {
        var journal = await NewJournalAsync(accounts: 8);
        journal.Random(new Random(5), 3_000);
        await journal.FlushAsync();
        var progress = new List<long>();

        var result = await CreateSut(pageSize: 256).VerifyAsync(journal.LedgerId, new SyncProgress(progress.Add), CancellationToken.None);

        Assert.True(result.IsOk, result.FirstBreak?.ToString());
        Assert.Equal(3_000, result.EntriesChecked);
        Assert.Equal(8, result.AccountsReplayed);
        Assert.Equal(3_000, progress[^1]);
        Assert.Equal(progress.Order(), progress);
    }

    [Fact]
    public async Task VerifyAllAsync_SeveralValidLedgers_IsOkAndCountsEveryEntry()
    {
        // A database of its own: the class's database holds the other tests' tampered ledgers.
        await using var database = await TestDatabase.CreateMigratedAsync();
        foreach (var size in new[] { 10, 25 })
        {
            var journal = await new JournalBuilder(database.DataSource, size).OpenAsync(3);
            journal.Random(new Random(size), size);
            await journal.FlushAsync();
        }

        var sut = new JournalVerifier(database.DataSource, pageSize: 7);
        var result = await sut.VerifyAllAsync(null, CancellationToken.None);

        Assert.True(result.IsOk, result.FirstBreak?.ToString());
        Assert.Equal(await sut.CountEntriesAsync(CancellationToken.None), result.EntriesChecked);
    }

    [Theory]
    [MemberData(nameof(SqlTampering))]
    public async Task VerifyAsync_TamperedViaSql_ReportsFirstBreak(string tampering, string sql, long seq, JournalBreakKind kind)
    {
        var journal = await ValidJournalAsync();
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(sql, new { l = journal.LedgerId });
        }

        var result = await CreateSut(pageSize: 8).VerifyAsync(journal.LedgerId, null, CancellationToken.None);

        Assert.NotNull(result.FirstBreak);
        Assert.True(
            (result.FirstBreak.LedgerId, result.FirstBreak.Seq, result.FirstBreak.Kind) == (journal.LedgerId, seq, kind),
            $"{tampering}: {result.FirstBreak}");
    }

    [Fact]
    public async Task VerifyAsync_ForgedEntryPastHead_ReportsInsertedEntry()
    {
        var journal = await ValidJournalAsync();
        journal.Immediate(journal.Accounts[0], journal.Accounts[1], 1_000);
        await journal.FlushAsync(moveHead: false);

        var result = await CreateSut().VerifyAsync(journal.LedgerId, null, CancellationToken.None);

        Assert.Equal((Length + 1, JournalBreakKind.InsertedEntry), (result.FirstBreak?.Seq, result.FirstBreak?.Kind));
        Assert.Equal(Length + 1, result.EntriesChecked);
    }

    [Fact]
    public async Task VerifyAsync_DuplicateSlippedIntoMiddle_ReportsInsertedEntry()
    {
        var journal = await ValidJournalAsync();
        var copy = journal.Entries[(int)Target - 1] with { TransferId = Guid.NewGuid() };
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                UPDATE ledger_journal SET seq = seq + 1000000 WHERE ledger_id = @l AND seq >= 20;
                UPDATE ledger_journal SET seq = seq - 999999 WHERE ledger_id = @l AND seq > 1000000;
                INSERT INTO ledger_journal SELECT ledger_id, 20, @id, kind, debit_account_id, credit_account_id, amount, pending_id,
                    code, reference, debit_debits_pending, debit_debits_posted, debit_credits_pending, debit_credits_posted,
                    credit_debits_pending, credit_debits_posted, credit_credits_pending, credit_credits_posted, recorded_at, prev_hash, @hash
                FROM ledger_journal WHERE ledger_id = @l AND seq = 21;
                UPDATE ledger_journal_heads SET seq = seq + 1 WHERE ledger_id = @l;
                """,
                new { l = journal.LedgerId, id = copy.TransferId, hash = JournalHasher.Hash(copy.PrevHash, copy) });
        }

        var result = await CreateSut().VerifyAsync(journal.LedgerId, null, CancellationToken.None);

        Assert.Equal((Target, JournalBreakKind.InsertedEntry), (result.FirstBreak?.Seq, result.FirstBreak?.Kind));
    }

    [Fact]
    public async Task VerifyAsync_SnapshotForgedAndChainRehashed_ReportsBalanceMismatch()
    {
        var journal = await NewJournalAsync(accounts: 4);
        journal.Random(new Random(11), Length);
        journal.ForgeSnapshotAndRechain(Target);
        await journal.FlushAsync();

        var result = await CreateSut().VerifyAsync(journal.LedgerId, null, CancellationToken.None);

        Assert.Equal((Target, JournalBreakKind.BalanceMismatch), (result.FirstBreak?.Seq, result.FirstBreak?.Kind));
        Assert.Equal(Target - 1, result.EntriesChecked);
    }

    [Theory]
    [InlineData("UPDATE ledger_journal SET amount = amount + 1 WHERE ledger_id = @l AND seq = 20")]
    [InlineData("DELETE FROM ledger_journal WHERE ledger_id = @l AND seq = 20")]
    [InlineData("TRUNCATE ledger_journal")]
    public async Task ServiceRole_ChangesJournal_IsDeniedWith42501(string sql)
    {
        var journal = await ValidJournalAsync();
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL ROLE custodysettle_service", transaction: transaction);

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql, new { l = journal.LedgerId }, transaction));

        Assert.Equal(CustodySettle.Database.PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    private JournalVerifier CreateSut(int pageSize = JournalVerifier.DefaultPageSize) => new(postgres.DataSource, pageSize);

    private async Task<JournalBuilder> ValidJournalAsync()
    {
        var journal = await NewJournalAsync(accounts: 4);
        journal.Random(new Random(journal.LedgerId), Length);
        await journal.FlushAsync();
        var before = await CreateSut().VerifyAsync(journal.LedgerId, null, CancellationToken.None);
        Assert.True(before.IsOk, before.FirstBreak?.ToString());
        return journal;
    }

    private Task<JournalBuilder> NewJournalAsync(int accounts) =>
        new JournalBuilder(postgres.DataSource, Interlocked.Increment(ref _nextLedger)).OpenAsync(accounts);
}
