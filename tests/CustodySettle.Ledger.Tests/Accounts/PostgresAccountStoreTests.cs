using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Ledger.Tests.Accounts;

public sealed class PostgresAccountStoreTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static int _nextLedger = 900;

    private PostgresAccountStore CreateSut() => new(fixture.DataSource, TimeProvider.System);

    private async Task<int> LedgerAsync()
    {
        var id = Interlocked.Increment(ref _nextLedger);
        await CreateSut().EnsureLedgerAsync(id, $"A{id}", 6, default);
        return id;
    }

    [Fact]
    public async Task EnsureLedgerAsync_Twice_IsIdempotentAndCreatesJournalHead()
    {
        var sut = CreateSut();
        var ledger = await LedgerAsync();

        await sut.EnsureLedgerAsync(ledger, $"A{ledger}", 6, default);

        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT seq FROM ledger_journal_heads WHERE ledger_id = @ledger", new { ledger }));
    }

    [Fact]
    public async Task EnsureLedgerAsync_DifferentDecimals_Throws()
    {
        var ledger = await LedgerAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().EnsureLedgerAsync(ledger, $"A{ledger}", 18, default));

        Assert.Equal("ledgerId", error.ParamName);
    }

    [Fact]
    public async Task OpenAsync_32ConcurrentOpensOfOneKey_YieldOneAccount()
    {
        var sut = CreateSut();
        var key = new AccountKey(await LedgerAsync(), OwnerKind.Venue, "derive", "bitgo", "margin_locked");

        var accounts = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => sut.OpenAsync(key, AccountLimits.DebitsMustNotExceedCredits, default)));

        Assert.Single(accounts.Select(a => a.Id).Distinct());
        Assert.All(accounts, a => Assert.Equal((key, AccountLimits.DebitsMustNotExceedCredits, AccountBalance.Zero), (a.Key, a.Limits, a.Balance)));
    }

    [Theory]
    [InlineData("key.Purpose", "Not_Snake")]
    [InlineData("key.OwnerId", "")]
    [InlineData("key.CustodianId", " ")]
    [InlineData("key.LedgerId", "ledger")]
    public async Task OpenAsync_InvalidKey_ThrowsNamingField(string field, string value)
    {
        var ledger = await LedgerAsync();
        var key = field switch
        {
            "key.Purpose" => new AccountKey(ledger, OwnerKind.Desk, "d", "c", value),
            "key.OwnerId" => new AccountKey(ledger, OwnerKind.Desk, value, "c", "available"),
            "key.CustodianId" => new AccountKey(ledger, OwnerKind.Desk, "d", value, "available"),
            _ => new AccountKey(77_777, OwnerKind.Desk, "d", "c", "available"),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().OpenAsync(key, AccountLimits.None, default));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public async Task CloseAsync_OpenAccount_SetsClosedAtOnce()
    {
        var sut = CreateSut();
        var account = await sut.OpenAsync(new AccountKey(await LedgerAsync(), OwnerKind.Desk, "d", "c", "available"), AccountLimits.None, default);

        await sut.CloseAsync(account.Id, default);
        var first = (await sut.GetAsync(account.Id, default))!.ClosedAt;
        await sut.CloseAsync(account.Id, default);

        Assert.NotNull(first);
        Assert.Equal(first, (await sut.GetAsync(account.Id, default))!.ClosedAt);
        await Assert.ThrowsAsync<ArgumentException>(() => sut.CloseAsync(long.MaxValue, default));
        Assert.Null(await sut.GetAsync(long.MaxValue, default));
    }
}
