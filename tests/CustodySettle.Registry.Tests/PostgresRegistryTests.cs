using CustodySettle.Domain.Errors;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Registry.Tests;

/// <summary>The registry on the real PostgreSQL, under concurrency.</summary>
public sealed class PostgresRegistryTests
{
    [Fact]
    public async Task CreateAssetAsync_EightConcurrentAssets_GetLedgers1To8EachWithItsJournalHead()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var sut = new PostgresRegistry(database.DataSource, TimeProvider.System);

        var assets = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => sut.CreateAssetAsync($"A{i}", 6, default))));

        Assert.Equal(Enumerable.Range(1, 8), assets.Select(a => a.LedgerId).Order());
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(8, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM ledger_journal_heads"));
    }

    [Fact]
    public async Task CreateAssetAsync_SameAssetConcurrently_OneLedger()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var sut = new PostgresRegistry(database.DataSource, TimeProvider.System);

        var assets = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => sut.CreateAssetAsync("USDC", 6, default))));

        Assert.Single(assets.Distinct());
    }

    [Fact]
    public async Task CreateDeskAsync_WalletOfAnotherDesk_ThrowsConflictNamingIt()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var sut = new PostgresRegistry(database.DataSource, TimeProvider.System);
        await sut.CreateDeskAsync("alpha", "A", "0x00000000000000000000000000000000000000aa", default);

        var error = await Assert.ThrowsAsync<ConflictException>(() => sut.CreateDeskAsync("beta", "B", "0x00000000000000000000000000000000000000AA", default));

        Assert.Equal("wallet_address", error.Field);
        Assert.Equal(["alpha"], (await sut.ListDesksAsync(default)).Select(d => d.DeskId));
    }
}
