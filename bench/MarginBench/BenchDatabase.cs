using Npgsql;

namespace MarginBench;

/// <summary>A fresh database on the stack's cluster; the service migrates it at start-up.</summary>
internal static class BenchDatabase
{
    public static async Task<string> CreateAsync(string maintenance, string name, CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(maintenance))
        {
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        return new NpgsqlConnectionStringBuilder(maintenance) { Database = name }.ConnectionString;
    }
}
