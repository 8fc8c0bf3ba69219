using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using Npgsql;

namespace CustodySettle.Ledger.Tests.Writing;

/// <summary>The client-chosen id is the idempotency key, forever (TigerBeetle's exists / exists_with_different_*).</summary>
public sealed partial class PostgresLedgerWriterTests
{
    [Fact]
    public async Task SubmitAsync_ReplayOfOk_ReturnsStoredOutcomeWithoutSecondEffect()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        var request = sut.Transfer(a, b, 9);

        var first = await sut.SubmitOkAsync(request);
        var replay = await sut.SubmitAsync(request);

        Assert.Equal(first with { Replayed = true }, replay);
        Assert.Equal(new Amount(9), (await sut.BalanceAsync(b)).CreditsPosted);
        Assert.Equal(1, await sut.JournalCountAsync());
    }

    [Fact]
    public async Task SubmitAsync_ReplayOfFailureAfterStateChanged_ReturnsOriginalFailure()
    {
        await using var sut = await CreateSut();
        var limited = await sut.OpenAsync(AccountLimits.DebitsMustNotExceedCredits);
        var other = await sut.OpenAsync();
        var request = sut.Transfer(limited, other, 5);
        var failed = await sut.SubmitAsync(request);
        await sut.SubmitOkAsync(sut.Transfer(other, limited, 100));

        var replay = await sut.SubmitAsync(request);

        Assert.Equal(TransferResult.ExceedsCredits, failed.Result);
        Assert.Equal(failed with { Replayed = true }, replay);
        Assert.Equal(Amount.Zero, (await sut.BalanceAsync(limited)).DebitsPosted);
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("debit_account_id")]
    [InlineData("credit_account_id")]
    [InlineData("kind")]
    [InlineData("reference")]
    public async Task SubmitAsync_SameIdDifferentField_ReturnsExistsWithDifferentFieldsNamingIt(string field)
    {
        await using var sut = await CreateSut();
        var (a, b, c) = (await sut.OpenAsync(), await sut.OpenAsync(), await sut.OpenAsync());
        var original = sut.Transfer(a, b, 10);
        await sut.SubmitOkAsync(original);
        var changed = field switch
        {
            "amount" => original with { Amount = new Amount(11) },
            "debit_account_id" => original with { DebitAccountId = c },
            "credit_account_id" => original with { CreditAccountId = c },
            "kind" => original with { Kind = TransferKind.Pending },
            _ => original with { Reference = "changed" },
        };

        var outcome = await sut.SubmitAsync(changed);

        Assert.Equal(new TransferOutcome(original.Id, TransferResult.ExistsWithDifferentFields, null, false, field), outcome);
        Assert.Equal(1, await sut.JournalCountAsync());
    }

    [Fact]
    public async Task SubmitAsync_DuplicateIdInOneSubmission_LaterIsReplayOrConflict()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        var request = sut.Transfer(a, b, 3);

        var outcomes = await sut.Writer.SubmitAsync([request, request, request with { Amount = new Amount(4) }], default);

        Assert.Equal(new TransferOutcome(request.Id, TransferResult.Ok, 1), outcomes[0]);
        Assert.Equal(new TransferOutcome(request.Id, TransferResult.Ok, 1, Replayed: true), outcomes[1]);
        Assert.Equal(new TransferOutcome(request.Id, TransferResult.ExistsWithDifferentFields, null, false, "amount"), outcomes[2]);
        Assert.Equal(new Amount(3), (await sut.BalanceAsync(b)).CreditsPosted);
    }

    [Fact]
    public async Task SubmitAsync_32ConcurrentDuplicatesOnTwoInstances_ExactlyOneEffect()
    {
        await using var sut = await CreateSut();
        await using var second = await LedgerHarness.CreateAsync(SecondSource(), sut.LedgerId);
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        var request = sut.Transfer(a, b, 7);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => (i % 2 == 0 ? sut : second).SubmitAsync(request)));

        Assert.All(outcomes, o => Assert.Equal((TransferResult.Ok, 1L), (o.Result, o.JournalSeq!.Value)));
        Assert.Single(outcomes, o => !o.Replayed);
        Assert.Equal(1, await sut.JournalCountAsync());
        Assert.Equal(new Amount(7), (await sut.BalanceAsync(a)).DebitsPosted);
        Assert.Equal(new Amount(7), (await sut.BalanceAsync(b)).CreditsPosted);
    }

    /// <summary>A second data source on the same database, as a second service instance would have.</summary>
    private NpgsqlDataSource SecondSource()
    {
        var source = NpgsqlDataSource.Create(fixture.ConnectionString);
        _extraSources.Add(source);
        return source;
    }
}
