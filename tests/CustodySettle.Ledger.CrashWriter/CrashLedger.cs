using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Ledger.Writing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustodySettle.Ledger.CrashWriter;

/// <summary>
/// The one place the crash writer builds the product's ledger, so that the writer under test is the
/// one the service runs (same batching, same SQL), not a test double. Default options: the crash
/// test must see the batches the service would make.
/// </summary>
internal static class CrashLedger
{
    public static (IAccountStore Store, ILedgerWriter Writer) Create(NpgsqlDataSource dataSource) =>
        (new PostgresAccountStore(dataSource, TimeProvider.System),
         new PostgresLedgerWriter(dataSource, new LedgerWriterOptions(), TimeProvider.System, NullLogger<PostgresLedgerWriter>.Instance));
}
