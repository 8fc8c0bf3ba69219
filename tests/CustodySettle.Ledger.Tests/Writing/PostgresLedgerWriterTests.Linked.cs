using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Tests.Writing;

/// <summary>Linked chains apply all or nothing (TigerBeetle's <c>linked</c> flag).</summary>
public sealed partial class PostgresLedgerWriterTests
{
    [Fact]
    public async Task SubmitAsync_LinkedChainAllValid_AppliesEveryMember()
    {
        await using var sut = await CreateSut();
        var (a, b, c) = (await sut.OpenAsync(), await sut.OpenAsync(), await sut.OpenAsync());

        var first = sut.Transfer(a, b, 5, linked: true);

        var outcomes = await sut.Writer.SubmitAsync([first, sut.Transfer(b, c, 5)], default);

        Assert.All(outcomes, o => Assert.Equal(TransferResult.Ok, o.Result));
        Assert.Equal(new Amount(5), (await sut.BalanceAsync(c)).CreditsPosted);
        Assert.Equal(2, await sut.CountAsync("SELECT count(*) FROM ledger_transfers WHERE linked_batch_id = @first", new { first = first.Id }));
    }

    [Fact]
    public async Task SubmitAsync_LinkedChainMemberFails_NoneApplyOthersGetLinkedTransferFailed()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());
        var limited = await sut.OpenAsync(AccountLimits.DebitsMustNotExceedCredits);
        var before = await LedgerAssertions.SnapshotAsync(sut);
        TransferRequest[] chain =
        [
            sut.Transfer(a, limited, 5, linked: true),
            sut.Transfer(limited, b, 5, TransferKind.Pending, linked: true),
            sut.Transfer(limited, b, 1, linked: true), // 5 pending + 1 > 5 credits
            sut.Transfer(a, b, 1),
        ];
        var after = sut.Transfer(a, b, 2);

        var outcomes = await sut.Writer.SubmitAsync([.. chain, after], default);

        Assert.Equal(
            [TransferResult.LinkedTransferFailed, TransferResult.LinkedTransferFailed, TransferResult.ExceedsCredits, TransferResult.LinkedTransferFailed, TransferResult.Ok],
            outcomes.Select(o => o.Result));
        Assert.Equal(1L, outcomes[4].JournalSeq);
        Assert.Equal(Amount.Zero, (await sut.BalanceAsync(limited)).CreditsPosted);
        Assert.Equal(0, await sut.CountAsync("SELECT count(*) FROM ledger_pending WHERE ledger_id = @ledger"));
        Assert.Equal("linked_transfer_failed", await sut.StoredResultAsync(chain[0].Id));
        Assert.NotEqual(before, await LedgerAssertions.SnapshotAsync(sut));
        await LedgerAssertions.ChainVerifiesAsync(sut);
    }

    [Fact]
    public async Task SubmitAsync_ChainOpenAtEnd_EveryMemberGetsLinkedChainOpen()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());

        var outcomes = await sut.Writer.SubmitAsync([sut.Transfer(a, b, 1), sut.Transfer(a, b, 1, linked: true), sut.Transfer(a, b, 1, linked: true)], default);

        Assert.Equal([TransferResult.Ok, TransferResult.LinkedChainOpen, TransferResult.LinkedChainOpen], outcomes.Select(o => o.Result));
        Assert.Equal(1, await sut.JournalCountAsync());
    }

    [Fact]
    public async Task SubmitAsync_ConcurrentSubmissionsWithChains_ChainsNeverSpanSubmissions()
    {
        await using var sut = await CreateSut();
        var (a, b) = (await sut.OpenAsync(), await sut.OpenAsync());

        // Each submission ends its chain properly; batched together they must still be separate chains.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => sut.Writer.SubmitAsync(
            [sut.Transfer(a, b, 1, linked: true), i % 2 == 0 ? sut.Transfer(a, b, 1) : sut.Transfer(a, a, 1)], default)));

        Assert.Equal(10, results.Count(r => r.All(o => o.Result == TransferResult.Ok)));
        Assert.Equal(10, results.Count(r => r[0].Result == TransferResult.LinkedTransferFailed && r[1].Result == TransferResult.AccountsMustBeDifferent));
        Assert.Equal(new Amount(20), (await sut.BalanceAsync(b)).CreditsPosted);
    }
}
