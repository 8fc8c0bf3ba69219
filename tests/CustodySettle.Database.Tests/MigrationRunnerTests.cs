using CustodySettle.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Database.Tests;

public sealed class MigrationRunnerTests : IAsyncLifetime
{
    private static readonly Migration CreateWidgets = new(1, "widgets", "CREATE TABLE widgets (id int PRIMARY KEY)");
    private static readonly Migration AddName = new(2, "widget_name", "ALTER TABLE widgets ADD COLUMN name text");

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateEmptyAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static MigrationRunner CreateSut(params Migration[] migrations) =>
        new(migrations, NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task ApplyAsync_EmptyDatabase_AppliesAllInOrderAndRecordsThem()
    {
        var applied = await CreateSut(CreateWidgets, AddName).ApplyAsync(_database.DataSource, default);

        Assert.Equal([1, 2], applied);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var history = (await connection.QueryAsync<(int, string)>("SELECT version, checksum FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal([(1, CreateWidgets.Checksum), (2, AddName.Checksum)], history);
        Assert.Equal(1, await connection.ExecuteAsync("INSERT INTO widgets (id, name) VALUES (1, 'a')"));
    }

    [Fact]
    public async Task ApplyAsync_SecondRun_AppliesNothing()
    {
        await CreateSut(CreateWidgets).ApplyAsync(_database.DataSource, default);

        var again = await CreateSut(CreateWidgets).ApplyAsync(_database.DataSource, default);
        var more = await CreateSut(CreateWidgets, AddName).ApplyAsync(_database.DataSource, default);

        Assert.Empty(again);
        Assert.Equal([2], more);
    }

    [Fact]
    public async Task ApplyAsync_AppliedMigrationEdited_ThrowsNamingIt()
    {
        await CreateSut(CreateWidgets).ApplyAsync(_database.DataSource, default);
        var edited = CreateWidgets with { Sql = "CREATE TABLE widgets (id bigint PRIMARY KEY)" };

        var error = await Assert.ThrowsAsync<MigrationException>(() => CreateSut(edited).ApplyAsync(_database.DataSource, default));

        Assert.Contains("0001_widgets was changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_DatabaseNewerThanBuild_Throws()
    {
        await CreateSut(CreateWidgets, AddName).ApplyAsync(_database.DataSource, default);

        var error = await Assert.ThrowsAsync<MigrationException>(() => CreateSut(CreateWidgets).ApplyAsync(_database.DataSource, default));

        Assert.Contains("0002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_FailingMigration_LeavesNoPartOfItAndStopsBeforeLaterOnes()
    {
        // The failing script creates a table, then fails: the table must not survive.
        var failing = new Migration(2, "half", "CREATE TABLE half (id int); SELECT 1/0;");
        var later = new Migration(3, "later", "CREATE TABLE later (id int)");

        var error = await Assert.ThrowsAsync<MigrationException>(
            () => CreateSut(CreateWidgets, failing, later).ApplyAsync(_database.DataSource, default));

        Assert.Contains("0002_half failed: 22012", error.Message, StringComparison.Ordinal);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal([1], await connection.QueryAsync<int>("SELECT version FROM schema_migrations"));
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT to_regclass('half')::text"));
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT to_regclass('later')::text"));
    }

    [Fact]
    public async Task ApplyAsync_EightInstancesAtOnce_EachMigrationAppliedOnce()
    {
        // Not idempotent on purpose: a second application would fail on the duplicate row.
        var insertOnce = new Migration(2, "seed", "INSERT INTO widgets (id) VALUES (42)");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(
            _ => Task.Run(() => CreateSut(CreateWidgets, insertOnce).ApplyAsync(_database.DataSource, default))));

        Assert.Equal(2, results.Sum(r => r.Count));
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM widgets"));
    }

    [Fact]
    public async Task ApplyAsync_Cancelled_ReleasesTheLockForTheNextRunner()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CreateSut(CreateWidgets).ApplyAsync(_database.DataSource, cancelled.Token));
        var applied = await CreateSut(CreateWidgets).ApplyAsync(_database.DataSource, default)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([1], applied);
    }
}
