using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Stack.Tests.Fixtures;

public sealed class PostgresFixtureTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Fixture_Database_IsFreshAndMigrated()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();

        var name = await connection.ExecuteScalarAsync<string>("SELECT current_database()");
        var versions = await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version");

        Assert.Equal(fixture.Database.Name, name);
        Assert.StartsWith("cs_test_", name, StringComparison.Ordinal);
        Assert.Equal(CustodySettle.Database.MigrationSource.Embedded().Select(m => m.Version), versions);
    }

    [Fact]
    public async Task CreateMigratedAsync_TwoDatabases_AreIsolated()
    {
        await using var a = await TestDatabase.CreateMigratedAsync();
        await using var b = await TestDatabase.CreateMigratedAsync();
        await using (var connection = await a.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE only_in_a (id int)");
        }

        await using var other = await b.DataSource.OpenConnectionAsync();
        Assert.Null(await other.ExecuteScalarAsync<string?>("SELECT to_regclass('only_in_a')::text"));
        Assert.NotEqual(a.Name, b.Name);
    }

    [Fact]
    public async Task DisposeAsync_Database_IsDropped()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("SELECT 1");
        }

        await database.DisposeAsync();

        await using var admin = new Npgsql.NpgsqlConnection(StackSettings.Current.PostgresConnectionString);
        Assert.False(await admin.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name = database.Name }));
    }
}
