using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Testing;
using Npgsql;

namespace CustodySettle.Ledger.Tests.Expiry;

public sealed class PendingTransferExpirerTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task ExpireDueAsync_NotYetDue_ExpiresNothing()
    {
        await using var sut = await LedgerHarness.CreateAsync(fixture.DataSource);
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        await sut.SubmitOkAsync(sut.Transfer(a, b, 5, TransferKind.Pending, timeout: TimeSpan.FromMinutes(1)));

        Assert.Equal(0, await sut.Expirer.ExpireDueAsync(default));
        Assert.Equal(new Amount(5), (await sut.BalanceAsync(a)).DebitsPending);
    }

    [Fact]
    public async Task ExpireDueAsync_DueOnTwoInstancesAtOnce_ExpiresEachExactlyOnce()
    {
        var time = new ShiftedTimeProvider();
        await using var secondSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var one = await LedgerHarness.CreateAsync(fixture.DataSource, time: time);
        await using var two = await LedgerHarness.CreateAsync(secondSource, one.LedgerId, time);
        var (a, b) = (await one.OpenAsync(), await one.OpenAsync());
        var pendings = await one.Writer.SubmitAsync(
            [.. Enumerable.Range(0, 50).Select(_ => one.Transfer(a, b, 2, TransferKind.Pending, timeout: TimeSpan.FromSeconds(1)))], default);
        var survivor = await one.SubmitOkAsync(one.Transfer(a, b, 7, TransferKind.Pending, timeout: TimeSpan.FromHours(1)));
        time.Advance(TimeSpan.FromSeconds(2));

        var expired = await Task.WhenAll(
            one.Expirer.ExpireDueAsync(default), two.Expirer.ExpireDueAsync(default), one.Expirer.ExpireDueAsync(default), two.Expirer.ExpireDueAsync(default));

        Assert.Equal(50, expired.Sum());
        Assert.Equal(50, await one.CountAsync("SELECT count(*) FROM ledger_journal WHERE ledger_id = @ledger AND kind = 'expire_pending'"));
        Assert.Equal(50, await one.CountAsync("SELECT count(*) FROM ledger_transfers WHERE ledger_id = @ledger AND kind = 'expire_pending' AND result = 'ok'"));
        Assert.Equal(50, await one.CountAsync("SELECT count(*) FROM ledger_pending WHERE ledger_id = @ledger AND state = 'expired'"));
        Assert.Equal(new AccountBalance(new Amount(7), Amount.Zero, Amount.Zero, Amount.Zero), await one.BalanceAsync(a));
        Assert.Equal(0, await one.Expirer.ExpireDueAsync(default));
        var post = await one.SubmitAsync(one.Transfer(a, b, 2, TransferKind.PostPending, pendings[0].Id));
        Assert.Equal(TransferResult.PendingTransferExpired, post.Result);
        Assert.Equal(TransferResult.Ok, (await one.SubmitAsync(one.Transfer(a, b, 7, TransferKind.PostPending, survivor.Id))).Result);
        await LedgerAssertions.ChainVerifiesAsync(one);
    }

    [Fact]
    public async Task ExpireDueAsync_AlreadyPosted_SkipsIt()
    {
        var time = new ShiftedTimeProvider();
        await using var sut = await LedgerHarness.CreateAsync(fixture.DataSource, time: time);
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        var pending = await sut.SubmitOkAsync(sut.Transfer(a, b, 5, TransferKind.Pending, timeout: TimeSpan.FromSeconds(1)));
        await sut.SubmitOkAsync(sut.Transfer(a, b, 5, TransferKind.PostPending, pending.Id));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, await sut.Expirer.ExpireDueAsync(default));
        Assert.Equal(2, await sut.JournalCountAsync());
    }
}
