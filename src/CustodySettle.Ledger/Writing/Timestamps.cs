namespace CustodySettle.Ledger.Writing;

/// <summary>Times as PostgreSQL's timestamptz keeps them: microseconds, so the journal hash of a stored
/// row equals the hash computed before storing it.</summary>
internal static class Timestamps
{
    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) => Database.PostgresTime.ToMicroseconds(time);

    /// <summary>A timeout's deadline; one past the year 9999 is clamped there (it never comes).</summary>
    public static DateTimeOffset Plus(DateTimeOffset now, TimeSpan timeout) =>
        ToMicroseconds(timeout >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + timeout);
}
