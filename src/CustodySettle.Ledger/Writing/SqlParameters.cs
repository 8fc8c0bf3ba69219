using CustodySettle.Domain.Money;
using Npgsql;
using NpgsqlTypes;

namespace CustodySettle.Ledger.Writing;

/// <summary>Typed array parameters for the unnest statements. Amounts travel as binary numeric (Npgsql
/// writes a BigInteger exactly, at any size), which spares both sides formatting and parsing text.</summary>
internal static class SqlParameters
{
    public static NpgsqlParameter Array(string name, NpgsqlDbType element, object values) =>
        new(name, NpgsqlDbType.Array | element) { Value = values };

    public static NpgsqlParameter Value(string name, NpgsqlDbType type, object value) =>
        new(name, type) { Value = value };

    public static NpgsqlParameter Amounts(string name, IEnumerable<Amount> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = values.Select(a => a.Value).ToArray() };

    public static DateTime? Utc(DateTimeOffset? time) => time?.UtcDateTime;
}
