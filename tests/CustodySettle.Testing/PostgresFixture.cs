using Npgsql;
using Xunit;

namespace CustodySettle.Testing;

/// <summary>
/// xunit class fixture: each test class that declares <c>IClassFixture&lt;PostgresFixture&gt;</c> gets
/// a fresh, fully migrated database of its own, dropped when the class's tests are done.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>The class's database.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("fixture not initialized");

    /// <summary>Shorthand for <see cref="TestDatabase.DataSource"/>.</summary>
    public NpgsqlDataSource DataSource => Database.DataSource;

    /// <summary>Shorthand for <see cref="TestDatabase.ConnectionString"/>.</summary>
    public string ConnectionString => Database.ConnectionString;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
