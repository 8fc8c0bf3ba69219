using Npgsql;
using NpgsqlTypes;

namespace CustodySettle.Ledger.Writing;

/// <summary>Typed array parameters for the unnest statements (amounts travel as text and are cast to
/// numeric(78,0) in SQL, exact at any size).</summary>
internal static class SqlParameters
{
    public static NpgsqlParameter Array(string name, NpgsqlDbType element, object values) =>
        new(name, NpgsqlDbType.Array | element) { Value = values };

    public static NpgsqlParameter Value(string name, NpgsqlDbType type, object value) =>
        new(name, type) { Value = value };

    public static DateTime? Utc(DateTimeOffset? time) => time?.UtcDateTime;
}
