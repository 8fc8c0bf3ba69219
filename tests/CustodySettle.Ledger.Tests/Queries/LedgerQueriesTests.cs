using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Journal;
using CustodySettle.Ledger.Queries;
using CustodySettle.Ledger.Tests.Journal;
using CustodySettle.Testing;

namespace CustodySettle.Ledger.Tests.Queries;

public sealed class LedgerQueriesTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static int _nextLedger = 200;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task BalanceAtSequenceAsync_EveryPastSequence_EqualsReplay(int seed)
    {
        var journal = await NewJournalAsync(accounts: 5, entries: 150, seed);
        var sut = CreateSut();

        for (var seq = 0; seq <= journal.Entries.Count + 1; seq++)
        {
            var replayed = journal.After[Math.Min(seq, journal.Entries.Count)];
            foreach (var account in journal.Accounts)
            {
                var actual = await sut.BalanceAtSequenceAsync(account, seq, CancellationToken.None);
                var expected = replayed.GetValueOrDefault(account);
                Assert.True(actual is not null && actual.Balance == LedgerQueries.ToBalance(expected), $"seed {seed}, seq {seq}, account {account}: {actual}");
            }
        }
    }

    [Fact]
    public async Task BalanceAtAsync_InstantBetweenEntries_IsBalanceAfterEarlierEntry()
    {
        var journal = await NewJournalAsync(accounts: 3, entries: 30, seed: 4);
        var sut = CreateSut();
        var account = journal.Accounts[0];

        foreach (var seq in new[] { 0, 1, 10, 29, 30 })
        {
            var between = JournalBuilder.TimeOf(seq).AddMicroseconds(500); // entries are 1 ms apart
            var actual = await sut.BalanceAtAsync(account, between, CancellationToken.None);
            Assert.Equal(LedgerQueries.ToBalance(journal.After[seq].GetValueOrDefault(account)), actual?.Balance);
            Assert.Equal(seq, actual?.AsOfSeq);
        }

        var exactly = await sut.BalanceAtAsync(account, JournalBuilder.TimeOf(10), CancellationToken.None);
        Assert.Equal(9, exactly?.AsOfSeq);
    }

    [Fact]
    public async Task GetAccountAsync_KnownAndUnknown_ReturnsCurrentCountersOrNull()
    {
        var journal = await NewJournalAsync(accounts: 3, entries: 40, seed: 6);
        var sut = CreateSut();

        var account = await sut.GetAccountAsync(journal.Accounts[1], CancellationToken.None);

        Assert.Equal(LedgerQueries.ToBalance(journal.BalanceOf(journal.Accounts[1])), account?.Balance);
        Assert.Equal(journal.LedgerId, account?.Key.LedgerId);
        Assert.Null(await sut.GetAccountAsync(long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task GetAccountsAsync_KnownAndUnknown_ReturnsTheKnownAsGetAccountAsyncDoes()
    {
        var journal = await NewJournalAsync(accounts: 3, entries: 40, seed: 7);
        var sut = CreateSut();

        var found = await sut.GetAccountsAsync([journal.Accounts[0], journal.Accounts[2], long.MaxValue], CancellationToken.None);

        Assert.Equal([journal.Accounts[0], journal.Accounts[2]], found.Keys.Order());
        foreach (var id in found.Keys)
        {
            Assert.Equal(await sut.GetAccountAsync(id, CancellationToken.None), found[id]);
        }

        Assert.Empty(await sut.GetAccountsAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task ListJournalAsync_EveryFilterAcrossPages_ReturnsEachEntryOnce()
    {
        var journal = await NewJournalAsync(accounts: 4, entries: 120, seed: 8, owner: "desk-pages");
        var account = journal.Accounts[2];
        var owned = (await CreateSut().ListAccountsAsync(OwnerKind.Desk, "desk-pages", CancellationToken.None)).Select(a => a.Id).ToHashSet();
        var post = journal.Entries.First(e => e.Kind == JournalKinds.PostPending);
        var cases = new (JournalFilter Filter, Func<JournalEntry, bool> Expected)[]
        {
            (new() { LedgerId = journal.LedgerId }, _ => true),
            (new() { AccountId = account }, e => e.DebitAccountId == account || e.CreditAccountId == account),
            (new() { OwnerKind = OwnerKind.Desk, OwnerId = "desk-pages" }, e => owned.Contains(e.DebitAccountId) || owned.Contains(e.CreditAccountId)),
            (new() { LedgerId = journal.LedgerId, From = JournalBuilder.TimeOf(30), To = JournalBuilder.TimeOf(75) }, e => e.Seq is >= 30 and < 75),
            (new() { TransferId = post.PendingId }, e => e.TransferId == post.PendingId || e.PendingId == post.PendingId),
        };

        foreach (var (filter, expected) in cases)
        {
            var seen = new List<long>();
            string? token = null;
            do
            {
                var page = await CreateSut().ListJournalAsync(filter, 7, token, CancellationToken.None);
                Assert.True(page.Entries.Count <= 7);
                seen.AddRange(page.Entries.Select(e => e.Seq));
                token = page.NextPageToken;
            }
            while (token is not null);

            Assert.Equal(journal.Entries.Where(expected).Select(e => e.Seq), seen);
        }
    }

    [Fact]
    public async Task ListJournalAsync_AlteredOrForeignToken_Throws()
    {
        var journal = await NewJournalAsync(accounts: 3, entries: 20, seed: 9);
        var filter = new JournalFilter { LedgerId = journal.LedgerId };
        var token = (await CreateSut().ListJournalAsync(filter, 5, null, CancellationToken.None)).NextPageToken!;
        var altered = token[..3] + (token[3] == 'A' ? 'B' : 'A') + token[4..];

        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().ListJournalAsync(filter, 5, altered, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().ListJournalAsync(filter with { AccountId = journal.Accounts[0] }, 5, token, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().ListJournalAsync(filter, 5, "not a token", CancellationToken.None));
    }

    private LedgerQueries CreateSut() => new(postgres.DataSource);

    private async Task<JournalBuilder> NewJournalAsync(int accounts, int entries, int seed, string owner = "desk-1")
    {
        var journal = await new JournalBuilder(postgres.DataSource, Interlocked.Increment(ref _nextLedger)).OpenAsync(accounts, owner);
        journal.Random(new Random(seed), entries);
        return await journal.FlushAsync();
    }
}
