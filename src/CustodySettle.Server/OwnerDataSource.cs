using Npgsql;

namespace CustodySettle.Server;

/// <summary>
/// The database owner's connections, for migrations only. Everything else runs as the
/// <c>custodysettle_service</c> role (the <see cref="NpgsqlDataSource"/> in the container), which may
/// append to the journal but never change it (docs/ledger.md, "The service role's privileges").
/// </summary>
internal sealed class OwnerDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>The same server and credentials, acting as the service role.</summary>
    public static string ServiceConnectionString(string ownerConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? ServiceRoleOption : $"{builder.Options} {ServiceRoleOption}";
        return builder.ConnectionString;
    }

    private const string ServiceRoleOption = "-c role=custodysettle_service";
}
