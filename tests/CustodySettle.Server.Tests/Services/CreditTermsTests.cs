using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>Credit support terms and haircuts over the real transport: versions, their history, replays, validation.</summary>
public sealed class CreditTermsTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHarness.StartAsync();
        await _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 6 });
        await _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "BTC", Decimals = 8 });
        await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = "A", WalletAddress = "0x0000000000000000000000000000000000000001" });
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task SetCreditTerms_TwoVersions_EachAnswerableAtItsTime_AndTheHistoryListsBoth()
    {
        var first = await SetAsync(Guid.NewGuid(), Terms("5000000000"));
        await Task.Delay(20);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        var second = await SetAsync(Guid.NewGuid(), Terms("7000000000"));

        var then = await GetAsync(between);
        var now = await GetAsync(null);
        var before = await Assert.ThrowsAsync<RpcException>(() => GetAsync(first.EffectiveFrom.ToDateTimeOffset().AddSeconds(-1)));
        var history = await _api.AdminAsync<ListCreditTermsRequest, ListCreditTermsResponse>("ListCreditTerms", new ListCreditTermsRequest { DeskId = "alpha" });

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal((1, "5000000000"), (then.Version, then.Threshold));
        Assert.Equal((2, "7000000000"), (now.Version, now.Threshold));
        Assert.Equal(StatusCode.NotFound, before.StatusCode);
        Assert.Equal([first, second], history.Versions);
    }

    [Fact]
    public async Task SetCreditTerms_Replayed_SameVersion_AndChangedReplayNamesTheField()
    {
        var requestId = Guid.NewGuid();
        var first = await SetAsync(requestId, Terms("5000000000"));

        var again = await SetAsync(requestId, Terms("5000000000"));
        var changed = await Assert.ThrowsAsync<RpcException>(() => SetAsync(requestId, Terms("6000000000")));

        Assert.Equal(first, again);
        Assert.Equal(StatusCode.AlreadyExists, changed.StatusCode);
        Assert.Contains("terms.threshold", changed.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCreditTerms_EightAtOnce_GetVersionsOneToEight()
    {
        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => SetAsync(Guid.NewGuid(), Terms($"{i + 1}000"))));

        Assert.Equal(Enumerable.Range(1, 8), versions.Select(v => v.Version).Order());
    }

    [Theory]
    [InlineData("rounding_unit", "0", StatusCode.InvalidArgument, "terms.rounding_unit")]
    [InlineData("threshold", "-1", StatusCode.InvalidArgument, "terms.threshold")]
    [InlineData("desk_id", "ghost", StatusCode.NotFound, "terms.desk_id")]
    [InlineData("settlement_asset", "DOGE", StatusCode.NotFound, "terms.settlement_asset")]
    public async Task SetCreditTerms_BadField_IsRefusedNamingIt(string field, string value, StatusCode code, string named)
    {
        var terms = Terms("1");
        switch (field)
        {
            case "rounding_unit": terms.RoundingUnit = value; break;
            case "threshold": terms.Threshold = value; break;
            case "desk_id": terms.DeskId = value; break;
            default: terms.SettlementAsset = value; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => SetAsync(Guid.NewGuid(), terms));

        Assert.Equal(code, error.StatusCode);
        Assert.StartsWith(named, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetHaircut_Versions_ListedAsOfATime()
    {
        await Haircut("BTC", 9000);
        await Task.Delay(20);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await Haircut("BTC", 8000);
        await Haircut("USDC", 10000);

        var then = await ListHaircutsAsync(between);
        var now = await ListHaircutsAsync(null);
        var bad = await Assert.ThrowsAsync<RpcException>(() => Haircut("BTC", 10001));

        Assert.Equal([("BTC", 9000)], then.Haircuts.Select(h => (h.Asset, h.ValuationBps)));
        Assert.Equal([("USDC", 10000), ("BTC", 8000)], now.Haircuts.Select(h => (h.Asset, h.ValuationBps)));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
    }

    private static CreditTerms Terms(string threshold) => new()
    {
        DeskId = "alpha", SettlementAsset = "USDC", IndependentAmount = "1000000000", Threshold = threshold, MinimumTransferAmount = "100000000",
        RoundingUnit = "10000000", DeliveryDeadline = Duration.FromTimeSpan(TimeSpan.FromHours(2)), CurePeriod = Duration.FromTimeSpan(TimeSpan.FromHours(24)),
    };

    private Task<CreditTerms> SetAsync(Guid requestId, CreditTerms terms) =>
        _api.AdminAsync<SetCreditTermsRequest, CreditTerms>("SetCreditTerms", new SetCreditTermsRequest { RequestId = requestId.ToString(), Terms = terms });

    private Task<CreditTerms> GetAsync(DateTimeOffset? asOf) =>
        _api.AdminAsync<GetCreditTermsRequest, CreditTerms>("GetCreditTerms", new GetCreditTermsRequest { DeskId = "alpha", AsOf = asOf is { } t ? Timestamp.FromDateTimeOffset(t) : null });

    private Task<Haircut> Haircut(string asset, int bps) =>
        _api.AdminAsync<SetHaircutRequest, Haircut>("SetHaircut", new SetHaircutRequest { RequestId = Guid.NewGuid().ToString(), Asset = asset, ValuationBps = bps });

    private Task<ListHaircutsResponse> ListHaircutsAsync(DateTimeOffset? asOf) =>
        _api.AdminAsync<ListHaircutsRequest, ListHaircutsResponse>("ListHaircuts", new ListHaircutsRequest { AsOf = asOf is { } t ? Timestamp.FromDateTimeOffset(t) : null });
}
