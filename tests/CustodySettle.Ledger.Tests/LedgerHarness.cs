using System.Numerics;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Ledger.Expiry;
using CustodySettle.Ledger.Writing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustodySettle.Ledger.Tests;

/// <summary>A writer, a store and an expirer on one data source, with a ledger of the test's own.</summary>
internal sealed class LedgerHarness : IAsyncDisposable
{
    private static int _nextLedger = 100;

    private LedgerHarness(NpgsqlDataSource dataSource, ShiftedTimeProvider time, int ledgerId, LedgerWriterOptions options)
    {
        (DataSource, Time, LedgerId) = (dataSource, time, ledgerId);
        Store = new PostgresAccountStore(dataSource, time);
        Writer = new PostgresLedgerWriter(dataSource, options, time, NullLogger<PostgresLedgerWriter>.Instance);
        Expirer = new PendingTransferExpirer(dataSource, Writer, options, time, NullLogger<PendingTransferExpirer>.Instance);
    }

    public NpgsqlDataSource DataSource { get; }

    public ShiftedTimeProvider Time { get; }

    public int LedgerId { get; }

    public PostgresAccountStore Store { get; }

    public PostgresLedgerWriter Writer { get; }

    public PendingTransferExpirer Expirer { get; }

    /// <summary>A harness with a fresh ledger; pass <paramref name="ledgerId"/> to share another harness's.</summary>
    public static async Task<LedgerHarness> CreateAsync(NpgsqlDataSource dataSource, int? ledgerId = null, ShiftedTimeProvider? time = null, LedgerWriterOptions? options = null)
    {
        var id = ledgerId ?? Interlocked.Increment(ref _nextLedger);
        var harness = new LedgerHarness(dataSource, time ?? new ShiftedTimeProvider(), id, options ?? new LedgerWriterOptions());
        await harness.Store.EnsureLedgerAsync(id, $"T{id}", 6, default);
        return harness;
    }

    public async Task<long> OpenAsync(AccountLimits limits = AccountLimits.None, int? ledgerId = null) =>
        (await Store.OpenAsync(new AccountKey(ledgerId ?? LedgerId, OwnerKind.Desk, $"desk-{Guid.NewGuid():N}", "copper", "available"), limits, default)).Id;

    public TransferRequest Transfer(long debit, long credit, BigInteger amount, TransferKind kind = TransferKind.Immediate, Guid? pendingId = null, TimeSpan? timeout = null, bool linked = false) =>
        new(Guid.NewGuid(), LedgerId, debit, credit, new Amount(amount), kind, pendingId, timeout, linked);

    public async Task<TransferOutcome> SubmitAsync(TransferRequest request) => (await Writer.SubmitAsync([request], default)).Single();

    public async Task<TransferOutcome> SubmitOkAsync(TransferRequest request)
    {
        var outcome = await SubmitAsync(request);
        Assert.Equal(TransferResult.Ok, outcome.Result);
        return outcome;
    }

    public async Task<AccountBalance> BalanceAsync(long accountId) => (await Store.GetAsync(accountId, default))!.Balance;

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters ?? new { ledger = LedgerId });
    }

    public Task<long> JournalCountAsync() => CountAsync("SELECT count(*) FROM ledger_journal WHERE ledger_id = @ledger");

    public async Task<string?> StoredResultAsync(Guid id)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT result FROM ledger_transfers WHERE transfer_id = @id", new { id });
    }

    public async ValueTask DisposeAsync()
    {
        Expirer.Dispose();
        await Writer.DisposeAsync();
    }
}
