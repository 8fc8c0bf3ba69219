namespace CustodySettle.Database;

/// <summary>
/// Times as PostgreSQL's timestamptz keeps them: microseconds (.NET ticks are tenths of one). A time
/// answered before it is stored must be cut the same way, or a later read of it differs.
/// </summary>
public static class PostgresTime
{
    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    public static DateTime ToMicroseconds(DateTime utc) => utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
}
