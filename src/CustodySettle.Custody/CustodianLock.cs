using Npgsql;

namespace CustodySettle.Custody;

/// <summary>
/// Serializes one custodian's reports across every service instance: a PostgreSQL session advisory
/// lock, held on a connection of its own while a report reads the ledger, plans and applies. A crashed
/// holder's session ends and releases it.
/// </summary>
internal sealed class CustodianLock : IAsyncDisposable
{
    private const string LockSql = "SELECT pg_advisory_lock(hashtext('custodysettle.custody'), hashtext(@custodian))";
    private const string UnlockSql = "SELECT pg_advisory_unlock(hashtext('custodysettle.custody'), hashtext(@custodian))";

    private readonly NpgsqlConnection _connection;
    private readonly string _custodianId;

    private CustodianLock(NpgsqlConnection connection, string custodianId) => (_connection, _custodianId) = (connection, custodianId);

    public static async Task<CustodianLock> AcquireAsync(NpgsqlDataSource dataSource, string custodianId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(LockSql, connection);
            command.Parameters.AddWithValue("custodian", custodianId);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new CustodianLock(connection, custodianId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand(UnlockSql, _connection);
            command.Parameters.AddWithValue("custodian", _custodianId);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            // Closing the session releases the lock too, should the unlock itself have failed.
            await _connection.DisposeAsync();
        }
    }
}
