using CustodySettle.Domain.Access;
using CustodySettle.Domain.Errors;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Access.Tests;

/// <summary>The key store on the real PostgreSQL.</summary>
public sealed class PostgresApiKeyStoreTests
{
    [Fact]
    public async Task CreateAsync_32ConcurrentDuplicates_IssueOneKeyAndOneSecret()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var sut = new PostgresApiKeyStore(database.DataSource, TimeProvider.System);
        var requestId = Guid.NewGuid();

        var issued = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => sut.CreateAsync(requestId, Role.Auditor, "", "auditor", default))));

        Assert.Single(issued.Select(i => i.Key.KeyId).Distinct());
        Assert.Single(issued, i => i.Token is not null);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM access_api_keys"));
    }

    [Fact]
    public async Task AuthenticateAsync_RightWrongAndRevoked()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var sut = new PostgresApiKeyStore(database.DataSource, TimeProvider.System);
        var issued = await sut.CreateAsync(Guid.NewGuid(), Role.Operator, "", "ops", default);
        var token = issued.Token!;

        var right = await sut.AuthenticateAsync(token, default);
        var wrong = await sut.AuthenticateAsync(token[..^2] + (token[^2..] == "AA" ? "BB" : "AA"), default);
        await sut.RevokeAsync(issued.Key.KeyId, default);
        var revoked = await sut.AuthenticateAsync(token, default);

        Assert.Equal(new Principal(issued.Key.KeyId, Role.Operator, ""), right);
        Assert.Null(wrong);
        Assert.Null(revoked);
    }

    [Fact]
    public async Task EnsureBootstrapOperatorAsync_Revoked_StaysRevoked()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var sut = new PostgresApiKeyStore(database.DataSource, TimeProvider.System);
        var (keyId, token) = ApiKeyToken.Generate();

        await sut.EnsureBootstrapOperatorAsync(token, default);
        var before = await sut.AuthenticateAsync(token, default);
        await sut.RevokeAsync(keyId, default);
        await sut.EnsureBootstrapOperatorAsync(token, default);

        Assert.Equal(Role.Operator, before?.Role);
        Assert.Null(await sut.AuthenticateAsync(token, default));
    }

    [Fact]
    public async Task CreateAsync_DeskThatDoesNotExist_ThrowsNotFoundAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var sut = new PostgresApiKeyStore(database.DataSource, TimeProvider.System);

        await Assert.ThrowsAsync<NotFoundException>(() => sut.CreateAsync(Guid.NewGuid(), Role.Desk, "ghost", "", default));

        Assert.Empty(await sut.ListAsync(default));
    }
}
