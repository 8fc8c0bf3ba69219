using CustodySettle.Testing;
using Npgsql;
using ErrorCodes = CustodySettle.Database.PostgresErrorCodes;

namespace CustodySettle.Ledger.Tests.Writing;

/// <summary>The writer runs as custodysettle_service, which can append to the journal but never change it.</summary>
public sealed class ServiceRoleTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task SubmitAsync_AsServiceRole_WritesButCannotUpdateJournal()
    {
        var asService = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Options = "-c role=custodysettle_service" }.ConnectionString;
        await using var serviceSource = NpgsqlDataSource.Create(asService);
        await using var setup = await LedgerHarness.CreateAsync(fixture.DataSource);
        await using var sut = await LedgerHarness.CreateAsync(serviceSource, setup.LedgerId);
        await sut.SubmitOkAsync(sut.Transfer(await setup.OpenAsync(), await setup.OpenAsync(), 5));

        await using var connection = await serviceSource.OpenConnectionAsync();
        await using var update = new NpgsqlCommand("UPDATE ledger_journal SET amount = 6", connection);
        await using var delete = new NpgsqlCommand("DELETE FROM ledger_journal", connection);
        var updateError = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        var deleteError = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());

        Assert.Equal(ErrorCodes.InsufficientPrivilege, updateError.SqlState);
        Assert.Equal(ErrorCodes.InsufficientPrivilege, deleteError.SqlState);
        Assert.Equal(1, await setup.JournalCountAsync());
    }
}
