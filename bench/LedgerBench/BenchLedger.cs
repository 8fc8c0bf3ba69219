using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Ledger.Writing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LedgerBench;

/// <summary>
/// The one place the benchmark builds the product's ledger: it measures the writer the service runs,
/// with its default options unless a maximum batch size is given.
/// </summary>
internal static class BenchLedger
{
    public static (IAccountStore Store, ILedgerWriter Writer) Create(NpgsqlDataSource dataSource, int? maxBatchSize)
    {
        var options = maxBatchSize is { } max ? new LedgerWriterOptions { MaxBatchSize = max } : new LedgerWriterOptions();
        return (new PostgresAccountStore(dataSource, TimeProvider.System),
                new PostgresLedgerWriter(dataSource, options, TimeProvider.System, NullLogger<PostgresLedgerWriter>.Instance));
    }
}
