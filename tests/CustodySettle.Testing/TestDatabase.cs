using Dapper;
using Npgsql;

namespace CustodySettle.Testing;

/// <summary>
/// A database of its own on the local stack's cluster, dropped on dispose. Migrated databases are
/// copied from a template built once from the product's migrations (CREATE DATABASE ... TEMPLATE is a
/// file copy, far faster than re-running every migration per test class).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The database's name, <c>cs_test_...</c>.</summary>
    public string Name { get; }

    /// <summary>A connection string to it as the cluster superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>A data source for it, disposed with the database.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>A new database with every product migration applied.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(CancellationToken ct = default)
    {
        var template = await TemplateDatabase.EnsureAsync(ct);
        return await CreateAsync(template, ct);
    }

    /// <summary>A new, empty database (for testing migrations themselves).</summary>
    public static Task<TestDatabase> CreateEmptyAsync(CancellationToken ct = default) => CreateAsync("template0", ct);

    private static async Task<TestDatabase> CreateAsync(string template, CancellationToken ct)
    {
        var name = $"cs_test_{Guid.NewGuid():N}";
        await using (var admin = await OpenMaintenanceAsync(ct))
        {
            await admin.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", cancellationToken: ct));
        }

        return new TestDatabase(name, ForDatabase(name));
    }

    internal static string ForDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(StackSettings.Current.PostgresConnectionString) { Database = database }.ConnectionString;

    internal static async Task<NpgsqlConnection> OpenMaintenanceAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(ForDatabase("postgres"));
        await connection.OpenAsync(ct);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var admin = await OpenMaintenanceAsync(CancellationToken.None);
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
