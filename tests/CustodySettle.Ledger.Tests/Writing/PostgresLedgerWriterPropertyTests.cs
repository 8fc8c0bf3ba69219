using System.Collections.Concurrent;
using System.Numerics;
using CustodySettle.Domain.Ledger;
using CustodySettle.Testing;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace CustodySettle.Ledger.Tests.Writing;

/// <summary>
/// Random concurrent mixes on two writer instances (issue 5's properties): debits equal credits per
/// ledger, no limit is ever broken, the counters equal a replay of the journal (at every sequence),
/// and the chain re-hashes. Seeds are fixed and printed, so a failure replays.
/// </summary>
public sealed class PostgresLedgerWriterPropertyTests(PostgresFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task SubmitAsync_RandomConcurrentMix_KeepsLedgerInvariants(int seed)
    {
        output.WriteLine($"seed {seed}");
        var time = new ShiftedTimeProvider();
        await using var secondSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var one = await LedgerHarness.CreateAsync(fixture.DataSource, time: time);
        await using var two = await LedgerHarness.CreateAsync(secondSource, one.LedgerId, time);
        long[] accounts =
        [
            await one.OpenAsync(), await one.OpenAsync(), await one.OpenAsync(),
            await one.OpenAsync(AccountLimits.DebitsMustNotExceedCredits), await one.OpenAsync(AccountLimits.DebitsMustNotExceedCredits),
            await one.OpenAsync(AccountLimits.CreditsMustNotExceedDebits),
        ];
        var pendings = new ConcurrentQueue<TransferRequest>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + worker);
            var harness = worker % 2 == 0 ? one : two;
            for (var round = 0; round < 30; round++)
            {
                var submission = Submission(harness, random, accounts, pendings);
                var outcomes = await harness.Writer.SubmitAsync(submission, default);
                for (var i = 0; i < submission.Count; i++)
                {
                    if (submission[i].Kind == TransferKind.Pending && outcomes[i].Result == TransferResult.Ok)
                    {
                        pendings.Enqueue(submission[i]);
                    }
                }

                if (random.Next(10) == 0)
                {
                    time.Advance(TimeSpan.FromMilliseconds(300));
                    await harness.Expirer.ExpireDueAsync(default);
                }
            }
        })));

        await AssertInvariantsAsync(one);
    }

    private static List<TransferRequest> Submission(LedgerHarness sut, Random random, long[] accounts, ConcurrentQueue<TransferRequest> pendings)
    {
        var requests = new List<TransferRequest>();
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var debit = accounts[random.Next(accounts.Length)];
            var credit = accounts[random.Next(accounts.Length)];
            var amount = (BigInteger)random.Next(1, 60);
            var linked = i < count - 1 && random.Next(3) == 0;
            var request = random.Next(6) switch
            {
                0 or 1 => sut.Transfer(debit, credit, amount, linked: linked),
                2 => sut.Transfer(debit, credit, amount, TransferKind.Pending, timeout: random.Next(2) == 0 ? TimeSpan.FromMilliseconds(random.Next(100, 1500)) : null, linked: linked),
                _ when pendings.TryDequeue(out var pending) => random.Next(3) == 0
                    ? sut.Transfer(pending.DebitAccountId, pending.CreditAccountId, 0, TransferKind.VoidPending, pending.Id, linked: linked)
                    : sut.Transfer(pending.DebitAccountId, pending.CreditAccountId, random.Next(1, (int)pending.Amount.Value + 1), TransferKind.PostPending, pending.Id, linked: linked),
                _ => sut.Transfer(debit, credit, amount, linked: linked),
            };
            requests.Add(request);
        }

        return requests;
    }

    private static async Task AssertInvariantsAsync(LedgerHarness sut)
    {
        await using var connection = await sut.DataSource.OpenConnectionAsync();
        var sums = await connection.QuerySingleAsync<(string Dp, string Dpo, string Cp, string Cpo)>(
            """
            SELECT sum(debits_pending)::text, sum(debits_posted)::text, sum(credits_pending)::text, sum(credits_posted)::text
            FROM ledger_accounts WHERE ledger_id = @ledger
            """, new { ledger = sut.LedgerId });
        Assert.Equal(sums.Dp, sums.Cp);
        Assert.Equal(sums.Dpo, sums.Cpo);
        Assert.Equal(0, await sut.CountAsync(
            """
            SELECT count(*) FROM ledger_accounts WHERE ledger_id = @ledger AND (
                (limits = 1 AND debits_pending + debits_posted > credits_posted) OR
                (limits = 2 AND credits_pending + credits_posted > debits_posted))
            """));
        var entries = await LedgerAssertions.ChainVerifiesAsync(sut.DataSource, sut.LedgerId);
        Assert.True(entries > 50, $"only {entries} entries applied");
        await JournalReplay.AssertCountersMatchAsync(sut);
    }
}
