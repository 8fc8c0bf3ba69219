using CustodySettle.Custody.Statements;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Ledger.Writing;
using CustodySettle.Registry;
using CustodySettle.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Custody.Tests.Statements;

/// <summary>The statement processor on the real PostgreSQL and ledger writer.</summary>
public sealed class StatementProcessorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private PostgresLedgerWriter _writer = null!;
    private StatementProcessor _sut = null!;
    private PostgresStatementStore _store = null!;
    private int _ledgerId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        var registry = new PostgresRegistry(_database.DataSource, TimeProvider.System);
        _ledgerId = (await registry.CreateAssetAsync("USDC", 6, default)).LedgerId;
        await registry.CreateCustodianAsync("vault", "V", default);
        await registry.CreateDeskAsync("alpha", "A", "0x0000000000000000000000000000000000000001", default);
        await registry.CreateDeskAsync("beta", "B", "0x0000000000000000000000000000000000000002", default);
        _writer = new PostgresLedgerWriter(_database.DataSource, new LedgerWriterOptions(), TimeProvider.System, NullLogger<PostgresLedgerWriter>.Instance);
        _store = new PostgresStatementStore(_database.DataSource);
        var accounts = new CustodyAccounts(new PostgresAccountStore(_database.DataSource, TimeProvider.System));
        _sut = new StatementProcessor(_database.DataSource, _store, registry, accounts, _writer, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ReportAsync_CrashAfterTheTransferBeforeItsOutcome_RetryAppliesItOnce()
    {
        // The state a crash leaves between submitting a planned statement's transfer and recording it.
        var report = Report("s-1", ("alpha", 1_000));
        var transferId = CustodyIds.StatementLine("vault", "s-1", 0);
        var planned = new StatementLineResult(0, report.Lines[0], _ledgerId, 0, 1_000, LineEffect.Pending, transferId, null, string.Empty);
        await _store.InsertPlannedAsync(report, StatementHash.Of(report), Noon, [planned], default);
        var accounts = new CustodyAccounts(new PostgresAccountStore(_database.DataSource, TimeProvider.System));
        var available = await accounts.AvailableAsync(_ledgerId, "alpha", "vault", default);
        var omnibus = await accounts.OmnibusAsync(_ledgerId, "vault", default);
        await _writer.SubmitAsync([new TransferRequest(transferId, _ledgerId, omnibus.Id, available.Id, new Amount(1_000), Reference: "statement s-1 line 0")], default);

        var retried = await _sut.ReportAsync(report, default);

        Assert.True(retried.Applied);
        Assert.Equal(LineEffect.Credited, retried.Lines[0].Effect);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM ledger_journal WHERE transfer_id = @transferId", new { transferId }));
        Assert.Equal("1000", await connection.ExecuteScalarAsync<string>("SELECT (credits_posted - debits_posted)::text FROM ledger_accounts WHERE account_id = @id", new { id = available.Id }));
    }

    [Fact]
    public async Task ReportAsync_16ConcurrentStatementsOfOneCustodian_EndAtTheLatestFigures()
    {
        // Each statement plans against the ledger as the previous one left it (one custodian at a time),
        // so whatever the order, each desk ends at the figure of the statement with the latest as-of.
        var reports = Enumerable.Range(0, 16).Select(i => Report($"s-{i}", Noon.AddMinutes(i), ("alpha", 100 * (i + 1)), ("beta", 7 * (i + 1)))).ToList();

        await Task.WhenAll(reports.Select(r => Task.Run(() => _sut.ReportAsync(r, default))));

        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var held = await connection.QueryAsync<(string Owner, string Net)>(
            "SELECT owner_id, (credits_posted - debits_posted)::text FROM ledger_accounts WHERE owner_kind = 'desk' ORDER BY owner_id");
        var latestApplied = await _store.ListAsync("vault", default);
        Assert.Equal(16, latestApplied.Count);
        // The figures of the last statement applied in time order that was not superseded.
        var applied = (await Task.WhenAll(reports.Select(r => _store.GetAsync("vault", r.StatementId, default))))
            .Where(s => s!.Lines[0].Effect != LineEffect.Superseded).OrderBy(s => s!.AsOf).Last()!;
        Assert.Equal([("alpha", applied.Lines[0].Line.Balance.ToString()), ("beta", applied.Lines[1].Line.Balance.ToString())], held);
        Assert.Equal("s-15", applied.StatementId);
    }

    private static StatementReport Report(string id, params (string Desk, long Balance)[] lines) => Report(id, Noon, lines);

    private static StatementReport Report(string id, DateTimeOffset asOf, params (string Desk, long Balance)[] lines) =>
        new("vault", id, asOf, [.. lines.Select(l => new ReportedLine(l.Desk, "USDC", l.Balance, string.Empty))]);
}
