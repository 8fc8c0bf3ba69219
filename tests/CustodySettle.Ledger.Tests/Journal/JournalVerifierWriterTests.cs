using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Ledger.Journal;
using CustodySettle.Ledger.Queries;
using CustodySettle.Ledger.Writing;
using CustodySettle.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Ledger.Tests.Journal;

/// <summary>The audit side against journals the real writer produced: the two agree on encoding and balances.</summary>
public sealed class JournalVerifierWriterTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task VerifyAsync_JournalWrittenByWriter_IsOkAndBalancesAgree()
    {
        var store = new PostgresAccountStore(postgres.DataSource, TimeProvider.System);
        await store.EnsureLedgerAsync(1, "USDC", 6, CancellationToken.None);
        var accounts = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            accounts.Add((await store.OpenAsync(new AccountKey(1, OwnerKind.Desk, "desk-w", "custodian-1", $"p{i}"), AccountLimits.None, CancellationToken.None)).Id);
        }

        await using (var writer = new PostgresLedgerWriter(postgres.DataSource, new LedgerWriterOptions(), TimeProvider.System, NullLogger<PostgresLedgerWriter>.Instance))
        {
            var rng = new Random(3);
            for (var round = 0; round < 20; round++)
            {
                var (debit, credit) = (accounts[rng.Next(2)], accounts[2 + rng.Next(2)]);
                var pending = Guid.NewGuid();
                var voided = Guid.NewGuid();
                TransferRequest[] batch =
                [
                    new(Guid.NewGuid(), 1, debit, credit, new Amount(rng.Next(1, 1000)), Reference: $"round {round}, \"immediate\""),
                    new(pending, 1, credit, debit, new Amount(500)),
                    new(voided, 1, debit, credit, new Amount(300), TransferKind.Pending),
                ];
                batch[1] = batch[1] with { Kind = TransferKind.Pending };
                Assert.All(await writer.SubmitAsync(batch, CancellationToken.None), o => Assert.Equal(TransferResult.Ok, o.Result));
                TransferRequest[] resolve =
                [
                    new(Guid.NewGuid(), 1, credit, debit, new Amount(rng.Next(1, 500)), TransferKind.PostPending, pending),
                    new(Guid.NewGuid(), 1, debit, credit, new Amount(300), TransferKind.VoidPending, voided),
                ];
                Assert.All(await writer.SubmitAsync(resolve, CancellationToken.None), o => Assert.Equal(TransferResult.Ok, o.Result));
            }
        }

        var result = await new JournalVerifier(postgres.DataSource, pageSize: 16).VerifyAllAsync(null, CancellationToken.None);

        Assert.True(result.IsOk, result.FirstBreak?.ToString());
        Assert.Equal(100, result.EntriesChecked);
        var queries = new LedgerQueries(postgres.DataSource);
        foreach (var account in accounts)
        {
            var current = await store.GetAsync(account, CancellationToken.None);
            Assert.Equal(current?.Balance, (await queries.BalanceAtSequenceAsync(account, result.EntriesChecked, CancellationToken.None))?.Balance);
        }

        var summary = await new StatementExporter(queries).ExportAsync(
            OwnerKind.Desk, "desk-w", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, new StringWriter(), CancellationToken.None);
        Assert.Equal(4, summary.Accounts);
    }
}
