using Npgsql;

namespace CustodySettle.Server.Operations;

/// <summary>PostgreSQL answers <c>SELECT 1</c> through the service's own data source (its role, its pool).</summary>
internal sealed class PostgresReadinessCheck(NpgsqlDataSource dataSource) : IReadinessCheck
{
    public string Name => "postgresql";

    public async Task CheckAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(ct);
    }
}
