using CustodySettle.Api.V1;
using CustodySettle.Grpc;

namespace CustodySettle.Server.Tests.Services;

/// <summary>Keys over the real transport: issued once, replayed without the secret, rotated, revoked.</summary>
public sealed class ApiKeysTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task CreateApiKey_Replayed_ReturnsTheSameKeyWithoutItsSecret()
    {
        var request = new CreateApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Role = Role.Auditor, Label = "audit firm" };

        var first = await _api.AdminAsync<CreateApiKeyRequest, CreateApiKeyResponse>("CreateApiKey", request);
        var replay = await _api.AdminAsync<CreateApiKeyRequest, CreateApiKeyResponse>("CreateApiKey", request);
        var changed = await Assert.ThrowsAsync<RpcException>(() => _api.AdminAsync<CreateApiKeyRequest, CreateApiKeyResponse>(
            "CreateApiKey", new CreateApiKeyRequest(request) { Label = "another" }));
        var keys = await _api.AdminAsync<ListApiKeysRequest, ListApiKeysResponse>("ListApiKeys", new ListApiKeysRequest());

        Assert.StartsWith("csk_", first.Secret, StringComparison.Ordinal);
        Assert.Equal((first.Key, string.Empty), (replay.Key, replay.Secret));
        Assert.Equal((StatusCode.AlreadyExists, true), (changed.StatusCode, changed.Status.Detail.Contains("label", StringComparison.Ordinal)));
        Assert.Equal(2, keys.Keys.Count); // the bootstrap operator's and this one
        Assert.DoesNotContain(keys.Keys, k => k.ToString().Contains(first.Secret[20..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task RotateApiKey_OldKeyRefusedNewKeyWorks_ReplayReturnsTheSameNewKey()
    {
        var old = await _api.IssueKeyAsync(Role.Auditor);
        var oldId = (await _api.AdminAsync<ListApiKeysRequest, ListApiKeysResponse>("ListApiKeys", new ListApiKeysRequest())).Keys.Single(k => k.Role == Role.Auditor).KeyId;
        var rotate = new RotateApiKeyRequest { RequestId = Guid.NewGuid().ToString(), KeyId = oldId };

        var rotated = await _api.AdminAsync<RotateApiKeyRequest, CreateApiKeyResponse>("RotateApiKey", rotate);
        var replay = await _api.AdminAsync<RotateApiKeyRequest, CreateApiKeyResponse>("RotateApiKey", rotate);
        var refused = await Assert.ThrowsAsync<RpcException>(() => _api.AdminAsync<ListDesksRequest, ListDesksResponse>("ListDesks", new ListDesksRequest(), old));
        var works = await _api.AdminAsync<ListDesksRequest, ListDesksResponse>("ListDesks", new ListDesksRequest(), rotated.Secret);
        var again = await Assert.ThrowsAsync<RpcException>(() => _api.AdminAsync<RotateApiKeyRequest, CreateApiKeyResponse>(
            "RotateApiKey", new RotateApiKeyRequest { RequestId = Guid.NewGuid().ToString(), KeyId = oldId }));
        var keys = await _api.AdminAsync<ListApiKeysRequest, ListApiKeysResponse>("ListApiKeys", new ListApiKeysRequest());

        Assert.Equal(rotated.Key.KeyId, replay.Key.KeyId);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.NotNull(works);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal(rotated.Key.KeyId, keys.Keys.Single(k => k.KeyId == oldId).ReplacedByKeyId);
    }

    [Fact]
    public async Task RevokeApiKey_RefusedFromTheNextCall_AndRevokingAgainChangesNothing()
    {
        var key = await _api.IssueKeyAsync(Role.Auditor);
        await _api.AdminAsync<ListDesksRequest, ListDesksResponse>("ListDesks", new ListDesksRequest(), key);
        var keyId = key.Substring(4, 32);

        var revoked = await _api.AdminAsync<RevokeApiKeyRequest, ApiKey>("RevokeApiKey", new RevokeApiKeyRequest { KeyId = keyId });
        var again = await _api.AdminAsync<RevokeApiKeyRequest, ApiKey>("RevokeApiKey", new RevokeApiKeyRequest { KeyId = keyId });
        var refused = await Assert.ThrowsAsync<RpcException>(() => _api.AdminAsync<ListDesksRequest, ListDesksResponse>("ListDesks", new ListDesksRequest(), key));

        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal(revoked, again);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData(Role.Desk, "", "scope_id")]
    [InlineData(Role.Auditor, "alpha", "scope_id")]
    [InlineData(Role.Unspecified, "", "role")]
    public async Task CreateApiKey_RoleAndScopeDisagree_IsInvalidArgument(Role role, string scope, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.AdminAsync<CreateApiKeyRequest, CreateApiKeyResponse>(
            "CreateApiKey", new CreateApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Role = role, ScopeId = scope }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"{field}:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateApiKey_DeskThatDoesNotExist_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.AdminAsync<CreateApiKeyRequest, CreateApiKeyResponse>(
            "CreateApiKey", new CreateApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Role = Role.Desk, ScopeId = "ghost" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
