using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Tests.Writing;

/// <summary>Two-phase transfers: reserve, then post (fully or partly) or void, exactly once.</summary>
public sealed partial class PostgresLedgerWriterTests
{
    [Fact]
    public async Task SubmitAsync_PendingThenPostInFull_MovesReservationToPosted()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        var pending = await sut.SubmitOkAsync(sut.Transfer(a, b, 50, TransferKind.Pending));
        Assert.Equal(new AccountBalance(new Amount(50), Amount.Zero, Amount.Zero, Amount.Zero), await sut.BalanceAsync(a));

        await sut.SubmitOkAsync(sut.Transfer(a, b, 50, TransferKind.PostPending, pending.Id));

        Assert.Equal(new AccountBalance(Amount.Zero, new Amount(50), Amount.Zero, Amount.Zero), await sut.BalanceAsync(a));
        Assert.Equal(new AccountBalance(Amount.Zero, Amount.Zero, Amount.Zero, new Amount(50)), await sut.BalanceAsync(b));
        Assert.Equal(1, await sut.CountAsync("SELECT count(*) FROM ledger_pending WHERE ledger_id = @ledger AND state = 'posted'"));
    }

    [Fact]
    public async Task SubmitAsync_PostPartially_PostsAmountAndReleasesRest()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        var pending = await sut.SubmitOkAsync(sut.Transfer(a, b, 50, TransferKind.Pending));

        await sut.SubmitOkAsync(sut.Transfer(a, b, 30, TransferKind.PostPending, pending.Id));

        Assert.Equal(new AccountBalance(Amount.Zero, new Amount(30), Amount.Zero, Amount.Zero), await sut.BalanceAsync(a));
        Assert.Equal(new AccountBalance(Amount.Zero, Amount.Zero, Amount.Zero, new Amount(30)), await sut.BalanceAsync(b));
        await LedgerAssertions.ChainVerifiesAsync(sut);
    }

    [Fact]
    public async Task SubmitAsync_Void_ReleasesReservation()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        var pending = await sut.SubmitOkAsync(sut.Transfer(a, b, 50, TransferKind.Pending));

        await sut.SubmitOkAsync(sut.Transfer(a, b, 0, TransferKind.VoidPending, pending.Id));

        Assert.Equal(AccountBalance.Zero, await sut.BalanceAsync(a));
        Assert.Equal(AccountBalance.Zero, await sut.BalanceAsync(b));
    }

    [Fact]
    public async Task SubmitAsync_TwoPostsOfOnePendingInOneBatch_SecondRefused()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        var pending = sut.Transfer(a, b, 50, TransferKind.Pending);

        var outcomes = await sut.Writer.SubmitAsync(
            [pending, sut.Transfer(a, b, 50, TransferKind.PostPending, pending.Id), sut.Transfer(a, b, 0, TransferKind.VoidPending, pending.Id)], default);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sut.SubmitAsync(sut.Transfer(a, b, 50, TransferKind.PostPending, pending.Id))));

        Assert.Equal([TransferResult.Ok, TransferResult.Ok, TransferResult.PendingTransferAlreadyPosted], outcomes.Select(o => o.Result));
        Assert.All(concurrent, o => Assert.Equal(TransferResult.PendingTransferAlreadyPosted, o.Result));
        Assert.Equal(new Amount(50), (await sut.BalanceAsync(b)).CreditsPosted);
    }
}
