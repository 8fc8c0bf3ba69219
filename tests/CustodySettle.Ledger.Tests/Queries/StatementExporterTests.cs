using System.Numerics;
using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Journal;
using CustodySettle.Ledger.Queries;
using CustodySettle.Ledger.Tests.Journal;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Ledger.Tests.Queries;

public sealed class StatementExporterTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int FromSeq = 50;
    private const int ToSeq = 250;
    private static int _nextLedger = 300;

    [Fact]
    public async Task ExportAsync_Period_TiesOutAndParsesBack()
    {
        var journal = await NewJournalAsync("desk-statement");
        var output = new StringWriter();

        var summary = await CreateSut().ExportAsync(
            OwnerKind.Desk, "desk-statement", JournalBuilder.TimeOf(FromSeq), JournalBuilder.TimeOf(ToSeq), output, CancellationToken.None);

        var rows = Rfc4180Reader.Parse(output.ToString());
        Assert.Equal(StatementExporter.Columns, rows[0]);
        var records = rows.Skip(1).Select(r => StatementExporter.Columns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        var owned = journal.Accounts.Where((_, i) => i % 2 == 0).ToList();
        Assert.Equal(owned.Count, summary.Accounts);
        Assert.Equal(summary.Lines, records.Count(r => r["record"] == "entry"));
        foreach (var account in owned)
        {
            var lines = records.Where(r => r["account_id"] == account.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var opening = lines[0];
            var closing = lines[^1];
            var entries = lines[1..^1];
            Assert.Equal(("opening", "closing"), (opening["record"], closing["record"]));
            Assert.All(lines, l => Assert.Equal(journal.AssetCode, l["asset_code"]));
            Assert.Equal(Expected(journal, account, FromSeq - 1), Counters(opening));
            Assert.Equal(Expected(journal, account, ToSeq - 1), Counters(closing));
            var touching = journal.Entries.Where(e => e.Seq is >= FromSeq and < ToSeq && (e.DebitAccountId == account || e.CreditAccountId == account));
            Assert.Equal(touching.Select(e => e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Select(e => e["seq"]));
            Assert.Equal(touching.Select(e => e.Reference), entries.Select(e => e["reference"]));

            // Tie out from the printed numbers alone: opening + credits - debits = closing, line by line.
            var balance = BigInteger.Parse(opening["balance"], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var line in entries)
            {
                balance += BigInteger.Parse(line["credit"], System.Globalization.CultureInfo.InvariantCulture) - BigInteger.Parse(line["debit"], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(balance.ToString(System.Globalization.CultureInfo.InvariantCulture), line["balance"]);
            }

            Assert.Equal(balance.ToString(System.Globalization.CultureInfo.InvariantCulture), closing["balance"]);
        }
    }

    [Fact]
    public async Task ExportAsync_SnapshotCorruptedInPeriod_ThrowsTieOut()
    {
        var journal = await NewJournalAsync("desk-corrupt");
        var victim = journal.Entries.First(e => e.Seq > FromSeq && e.Kind == JournalKinds.Immediate && e.DebitAccountId == journal.Accounts[0]);
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE ledger_journal SET debit_debits_posted = debit_debits_posted + 1 WHERE ledger_id = @l AND seq = @s",
                new { l = journal.LedgerId, s = victim.Seq });
        }

        await Assert.ThrowsAsync<StatementTieOutException>(() => CreateSut().ExportAsync(
            OwnerKind.Desk, "desk-corrupt", JournalBuilder.TimeOf(FromSeq), JournalBuilder.TimeOf(ToSeq), new StringWriter(), CancellationToken.None));
    }

    [Fact]
    public async Task ExportAsync_UnknownOwner_WritesHeaderOnly()
    {
        var output = new StringWriter();

        var summary = await CreateSut().ExportAsync(OwnerKind.Venue, "nobody", JournalBuilder.Start, JournalBuilder.TimeOf(10), output, CancellationToken.None);

        Assert.Equal((0, 0L), (summary.Accounts, summary.Lines));
        Assert.Single(Rfc4180Reader.Parse(output.ToString()));
    }

    private static string[] Expected(JournalBuilder journal, long account, int seq)
    {
        var b = journal.After[seq].GetValueOrDefault(account);
        return
        [
            (b.CreditsPosted.Value - b.DebitsPosted.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
            b.DebitsPosted.ToString(), b.CreditsPosted.ToString(), b.DebitsPending.ToString(), b.CreditsPending.ToString(),
        ];
    }

    private static string[] Counters(Dictionary<string, string> row) =>
        [row["balance"], row["debits_posted"], row["credits_posted"], row["debits_pending"], row["credits_pending"]];

    private StatementExporter CreateSut() => new(new LedgerQueries(postgres.DataSource));

    private async Task<JournalBuilder> NewJournalAsync(string owner)
    {
        var journal = await new JournalBuilder(postgres.DataSource, Interlocked.Increment(ref _nextLedger)).OpenAsync(5, owner);
        journal.Random(new Random(owner.Length), 300);
        return await journal.FlushAsync();
    }
}
