using CustodySettle.Api.V1;
using CustodySettle.Grpc;

namespace CustodySettle.Server.Tests.Services;

/// <summary>AdminService over the real transport and PostgreSQL: creates, replays, conflicts, validation, keys.</summary>
public sealed class AdminServiceTests : IAsyncLifetime
{
    private const string Wallet = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"; // EIP-55's first example
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task CreateDesk_Replayed_ReturnsTheSameDeskOnce()
    {
        var request = new CreateDeskRequest { DeskId = "alpha", DisplayName = "Alpha Trading", WalletAddress = Wallet.ToLowerInvariant() };

        var first = await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", request);
        var again = await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", request);
        var list = await _api.AdminAsync<ListDesksRequest, ListDesksResponse>("ListDesks", new ListDesksRequest());

        Assert.Equal(first, again);
        Assert.Equal(Wallet, first.WalletAddress); // answered with its EIP-55 checksum
        Assert.Equal(["alpha"], list.Desks.Select(d => d.DeskId));
    }

    [Theory]
    [InlineData("Alpha Two", Wallet, "display_name")]
    [InlineData("Alpha Trading", "0x0000000000000000000000000000000000000001", "wallet_address")]
    public async Task CreateDesk_SameIdOtherPayload_IsAlreadyExistsNamingTheField(string name, string wallet, string field)
    {
        await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = "Alpha Trading", WalletAddress = Wallet });

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.AdminAsync<CreateDeskRequest, Desk>(
            "CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = name, WalletAddress = wallet }));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "A", Wallet, "desk_id")]
    [InlineData("Alpha", "A", Wallet, "desk_id")]
    [InlineData("alpha\n", "A", Wallet, "desk_id")]
    [InlineData("alpha", "", Wallet, "display_name")]
    [InlineData("alpha", "A", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "wallet_address")] // bad checksum
    [InlineData("alpha", "A", "0x1234", "wallet_address")]
    public async Task CreateDesk_BadField_IsInvalidArgumentNamingItAndWritesNothing(string deskId, string name, string wallet, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.AdminAsync<CreateDeskRequest, Desk>(
            "CreateDesk", new CreateDeskRequest { DeskId = deskId, DisplayName = name, WalletAddress = wallet }));
        var list = await _api.AdminAsync<ListDesksRequest, ListDesksResponse>("ListDesks", new ListDesksRequest());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"{field}:", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(list.Desks);
    }

    [Fact]
    public async Task CreateAsset_TwoAssets_GetConsecutiveLedgersAndReplaysKeepThem()
    {
        var usdc = await _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 6 });
        var btc = await _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "BTC", Decimals = 8 });
        var replay = await _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 6 });
        var changed = await Assert.ThrowsAsync<RpcException>(() =>
            _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 18 }));

        Assert.Equal((1, 2), (usdc.LedgerId, btc.LedgerId));
        Assert.Equal(usdc, replay);
        Assert.Equal(StatusCode.AlreadyExists, changed.StatusCode);
        Assert.Contains("decimals", changed.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkSubaccount_UnknownDeskOrOtherDesk_IsNotFoundOrAlreadyExists()
    {
        await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = "A", WalletAddress = Wallet });
        await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "beta", DisplayName = "B", WalletAddress = "0x0000000000000000000000000000000000000002" });
        var large = ((System.Numerics.BigInteger.One << 256) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var linked = await _api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = large, DeskId = "alpha" });
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            _api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = "7", DeskId = "nobody" }));
        var taken = await Assert.ThrowsAsync<RpcException>(() =>
            _api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = large, DeskId = "beta" }));
        var negative = await Assert.ThrowsAsync<RpcException>(() =>
            _api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = "-1", DeskId = "beta" }));
        var list = await _api.AdminAsync<ListSubaccountsRequest, ListSubaccountsResponse>("ListSubaccounts", new ListSubaccountsRequest { DeskId = "alpha" });

        Assert.Equal(large, linked.SubaccountId);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, taken.StatusCode);
        Assert.Equal((StatusCode.InvalidArgument, true), (negative.StatusCode, negative.Status.Detail.StartsWith("subaccount_id:", StringComparison.Ordinal)));
        Assert.Equal([large], list.Subaccounts.Select(s => s.SubaccountId));
    }
}
