using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Testing;
using Npgsql;

namespace CustodySettle.Ledger.Tests.Writing;

public sealed partial class PostgresLedgerWriterTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<NpgsqlDataSource> _extraSources = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var source in _extraSources)
        {
            await source.DisposeAsync();
        }
    }

    private Task<LedgerHarness> CreateSut() => LedgerHarness.CreateAsync(fixture.DataSource);

    [Fact]
    public async Task SubmitAsync_Immediate_MovesPostedCountersAndChainsJournal()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());

        var first = await sut.SubmitOkAsync(sut.Transfer(a, b, 70));
        var second = await sut.SubmitOkAsync(sut.Transfer(b, a, 20));

        Assert.Equal((1L, 2L), (first.JournalSeq, second.JournalSeq));
        Assert.Equal(new AccountBalance(Amount.Zero, new Amount(70), Amount.Zero, new Amount(20)), await sut.BalanceAsync(a));
        Assert.Equal(new AccountBalance(Amount.Zero, new Amount(20), Amount.Zero, new Amount(70)), await sut.BalanceAsync(b));
        await LedgerAssertions.ChainVerifiesAsync(sut);
        Assert.Equal("ok", await sut.StoredResultAsync(first.Id));
    }

    [Theory]
    [InlineData(TransferResult.AmountMustBePositive)]
    [InlineData(TransferResult.AccountsMustBeDifferent)]
    [InlineData(TransferResult.DebitAccountNotFound)]
    [InlineData(TransferResult.CreditAccountNotFound)]
    [InlineData(TransferResult.DebitAccountClosed)]
    [InlineData(TransferResult.CreditAccountClosed)]
    [InlineData(TransferResult.LedgerMismatch)]
    [InlineData(TransferResult.ExceedsCredits)]
    [InlineData(TransferResult.ExceedsDebits)]
    [InlineData(TransferResult.Overflow)]
    [InlineData(TransferResult.TimeoutOnlyForPending)]
    [InlineData(TransferResult.TimeoutMustBePositive)]
    [InlineData(TransferResult.PendingIdRequired)]
    [InlineData(TransferResult.PendingIdNotAllowed)]
    [InlineData(TransferResult.PendingTransferNotFound)]
    [InlineData(TransferResult.PendingTransferAlreadyPosted)]
    [InlineData(TransferResult.PendingTransferAlreadyVoided)]
    [InlineData(TransferResult.PendingTransferExpired)]
    [InlineData(TransferResult.PendingTransferMismatch)]
    [InlineData(TransferResult.PostAmountExceedsPending)]
    [InlineData(TransferResult.ReferenceTooLong)]
    [InlineData(TransferResult.LinkedChainOpen)]
    public async Task SubmitAsync_InvalidTransfer_ReturnsCodeAndWritesOnlyFailureRecord(TransferResult expected)
    {
        await using var sut = await CreateSut();
        var request = await ArrangeFailureAsync(sut, expected);
        var before = await LedgerAssertions.SnapshotAsync(sut);

        var outcome = await sut.SubmitAsync(request);
        var replay = await sut.SubmitAsync(request);

        Assert.Equal(expected, outcome.Result);
        Assert.Null(outcome.JournalSeq);
        Assert.Equal(before, await LedgerAssertions.SnapshotAsync(sut, excludeTransfer: request.Id));
        Assert.Equal(ResultNames(expected), await sut.StoredResultAsync(request.Id));
        Assert.Equal(outcome with { Replayed = true }, replay);
    }

    [Fact]
    public async Task SubmitAsync_EmptyId_ReturnsIdMustNotBeEmptyAndWritesNothing()
    {
        await using var sut = await CreateSut();
        var request = sut.Transfer(await sut.OpenAsync(), await sut.OpenAsync(), 5) with { Id = Guid.Empty };
        var before = await LedgerAssertions.SnapshotAsync(sut);

        var outcome = await sut.SubmitAsync(request);

        Assert.Equal(TransferResult.IdMustNotBeEmpty, outcome.Result);
        Assert.Equal(before, await LedgerAssertions.SnapshotAsync(sut));
        Assert.Null(await sut.StoredResultAsync(Guid.Empty));
    }

    private static string ResultNames(TransferResult result) => Ledger.Writing.ResultNames.Name(result);

    private static async Task<TransferRequest> ArrangeFailureAsync(LedgerHarness sut, TransferResult expected)
    {
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        switch (expected)
        {
            case TransferResult.AmountMustBePositive:
                return sut.Transfer(a, b, 0);
            case TransferResult.AccountsMustBeDifferent:
                return sut.Transfer(a, a, 1);
            case TransferResult.DebitAccountNotFound:
                return sut.Transfer(long.MaxValue, b, 1);
            case TransferResult.CreditAccountNotFound:
                return sut.Transfer(a, long.MaxValue, 1);
            case TransferResult.DebitAccountClosed:
                await sut.Store.CloseAsync(a, default);
                return sut.Transfer(a, b, 1);
            case TransferResult.CreditAccountClosed:
                await sut.Store.CloseAsync(b, default);
                return sut.Transfer(a, b, 1);
            case TransferResult.LedgerMismatch:
                await using (var other = await LedgerHarness.CreateAsync(sut.DataSource))
                {
                    return sut.Transfer(a, await other.OpenAsync(), 1);
                }

            case TransferResult.ExceedsCredits:
                var limited = await sut.OpenAsync(AccountLimits.DebitsMustNotExceedCredits);
                await sut.SubmitOkAsync(sut.Transfer(a, limited, 10));
                await sut.SubmitOkAsync(sut.Transfer(limited, b, 4, TransferKind.Pending));
                return sut.Transfer(limited, b, 7); // 4 pending + 7 > 10 credits: pending counts
            case TransferResult.ExceedsDebits:
                var capped = await sut.OpenAsync(AccountLimits.CreditsMustNotExceedDebits);
                return sut.Transfer(a, capped, 1);
            case TransferResult.Overflow:
                await sut.SubmitOkAsync(sut.Transfer(a, b, Amount.MaxValue.Value));
                return sut.Transfer(a, b, 1);
            case TransferResult.TimeoutOnlyForPending:
                return sut.Transfer(a, b, 1, timeout: TimeSpan.FromSeconds(5));
            case TransferResult.TimeoutMustBePositive:
                return sut.Transfer(a, b, 1, TransferKind.Pending, timeout: TimeSpan.Zero);
            case TransferResult.PendingIdRequired:
                return sut.Transfer(a, b, 1, TransferKind.PostPending);
            case TransferResult.PendingIdNotAllowed:
                return sut.Transfer(a, b, 1, pendingId: Guid.NewGuid());
            case TransferResult.PendingTransferNotFound:
                return sut.Transfer(a, b, 1, TransferKind.VoidPending, Guid.NewGuid());
            case TransferResult.PendingTransferAlreadyPosted:
                var posted = await sut.SubmitOkAsync(sut.Transfer(a, b, 5, TransferKind.Pending));
                await sut.SubmitOkAsync(sut.Transfer(a, b, 5, TransferKind.PostPending, posted.Id));
                return sut.Transfer(a, b, 5, TransferKind.PostPending, posted.Id);
            case TransferResult.PendingTransferAlreadyVoided:
                var voided = await sut.SubmitOkAsync(sut.Transfer(a, b, 5, TransferKind.Pending));
                await sut.SubmitOkAsync(sut.Transfer(a, b, 0, TransferKind.VoidPending, voided.Id));
                return sut.Transfer(a, b, 5, TransferKind.PostPending, voided.Id);
            case TransferResult.PendingTransferExpired:
                var expiring = await sut.SubmitOkAsync(sut.Transfer(a, b, 5, TransferKind.Pending, timeout: TimeSpan.FromSeconds(1)));
                sut.Time.Advance(TimeSpan.FromSeconds(2));
                return sut.Transfer(a, b, 5, TransferKind.PostPending, expiring.Id);
            case TransferResult.PendingTransferMismatch:
                var reserved = await sut.SubmitOkAsync(sut.Transfer(a, b, 5, TransferKind.Pending));
                return sut.Transfer(a, await sut.OpenAsync(), 5, TransferKind.PostPending, reserved.Id);
            case TransferResult.PostAmountExceedsPending:
                var small = await sut.SubmitOkAsync(sut.Transfer(a, b, 5, TransferKind.Pending));
                return sut.Transfer(a, b, 6, TransferKind.PostPending, small.Id);
            case TransferResult.ReferenceTooLong:
                return sut.Transfer(a, b, 1) with { Reference = new string('r', 257) };
            case TransferResult.LinkedChainOpen:
                return sut.Transfer(a, b, 1, linked: true);
            default:
                throw new ArgumentOutOfRangeException(nameof(expected), expected, null);
        }
    }

    [Fact]
    public void TransferResult_EveryCode_IsCoveredByATest()
    {
        // Ok, ExistsWithDifferentFields, IdMustNotBeEmpty and LinkedTransferFailed have tests of their own.
        var theory = typeof(PostgresLedgerWriterTests).GetMethod(nameof(SubmitAsync_InvalidTransfer_ReturnsCodeAndWritesOnlyFailureRecord))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (TransferResult)a.GetData(null!).Single()[0]);
        TransferResult[] own = [TransferResult.Ok, TransferResult.ExistsWithDifferentFields, TransferResult.IdMustNotBeEmpty, TransferResult.LinkedTransferFailed];

        Assert.Equal(Enum.GetValues<TransferResult>().Order(), theory.Concat(own).Order());
    }
}
