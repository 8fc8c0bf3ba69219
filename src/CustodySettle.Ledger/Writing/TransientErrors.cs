using ErrorCodes = CustodySettle.Database.PostgresErrorCodes;
using Npgsql;

namespace CustodySettle.Ledger.Writing;

/// <summary>Failures after which retrying the whole batch is safe and may succeed.</summary>
internal static class TransientErrors
{
    public static bool IsTransient(Exception error) => error switch
    {
        PostgresException postgres => postgres.SqlState switch
        {
            ErrorCodes.DeadlockDetected or ErrorCodes.SerializationFailure or ErrorCodes.LockNotAvailable => true,
            ErrorCodes.AdminShutdown or ErrorCodes.CannotConnectNow => true,
            // Another instance committed the same transfer id (or expired the same pending transfer)
            // between our read of the records and our insert: the retry answers it as a replay.
            ErrorCodes.UniqueViolation => true,
            _ => postgres.IsTransient,
        },
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException or IOException => true,
        _ => false,
    };
}
