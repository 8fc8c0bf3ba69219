using System.Globalization;
using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Chain.Rpc;
using CustodySettle.Grpc;
using CustodySettle.Testing;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// MarginService end to end on anvil (status, calls and their lifecycle): desk alpha holds 2,000 USDC at vault (reported, so in the
/// ledger) and buys 1 BTC perp at 60,000 on its linked subaccount; its terms have no IA or threshold,
/// an MTA and rounding unit of 1 USDC. Figures are computed by hand in each test.
/// </summary>
[Collection(MarginChainGroup.Name)]
public sealed class MarginServiceTests(DeployedAnvilFixture fixture) : IAsyncLifetime
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);
    private CustodyScenario _scenario = null!;
    private string _alphaKey = string.Empty;

    public async Task InitializeAsync()
    {
        _scenario = await CustodyScenario.StartAsync(fixture);
        _alphaKey = await MarginTrading.OpenLongAsync(_scenario, collateral: 2_000_000_000);
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task GetMarginStatus_AtTheTradePrice_CallsTheInitialRequirementLessCollateral()
    {
        var status = await StatusAsync(_alphaKey);

        // 1 x 60,000 x 0.066 = 3,960 USDC; 2,000 held at 100 %: deliver 1,960.
        Assert.Equal(("3960000000", "2000000000", MarginAction.Delivery, "1960000000"), (status.Exposure, status.CollateralValue, status.Action, status.Amount));
        var position = Assert.Single(status.Positions);
        Assert.Equal(((E18).ToString(), (60_000 * E18).ToString(), "0"), (position.Size, position.MarkPrice, position.UnsettledCash));
        // The venue's own figure for the subaccount, at the block the status was read (the margin pass skips this read).
        var venue = await _scenario.Chain.Contracts.Manager.GetMarginAsync(
            BigInteger.Parse(position.SubaccountId, CultureInfo.InvariantCulture), isInitial: true, BlockTag.At(status.BlockNumber), CancellationToken.None);
        Assert.Equal(venue.ToString(CultureInfo.InvariantCulture), status.VenueInitialMargin);
    }

    [Fact]
    public async Task GetMarginStatus_PriceFallsAgainstTheLong_CallRisesByTheLossAndTheRate()
    {
        await MarginTrading.SetPriceAsync(_scenario, 58_000);

        var status = await StatusAsync(_alphaKey);

        // 58,000 x 0.066 = 3,828 plus the 2,000 unrealized loss: 5,828; deliver 3,828.
        Assert.Equal(("5828000000", MarginAction.Delivery, "3828000000"), (status.Exposure, status.Action, status.Amount));
        Assert.Equal((-2_000 * E18).ToString(), Assert.Single(status.Positions).UnsettledCash);
    }

    [Fact]
    public async Task GetMarginStatus_AnotherDeskIsDenied_AnAuditorMayRead()
    {
        await _scenario.Api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "beta", DisplayName = "B", WalletAddress = "0x0000000000000000000000000000000000000002" });
        var beta = await _scenario.Api.IssueKeyAsync(Role.Desk, "beta");

        var denied = await Assert.ThrowsAsync<RpcException>(() => _scenario.Api.CallAsync<GetMarginStatusRequest, MarginStatus>(
            ApiHarness.MarginService, "GetMarginStatus", new GetMarginStatusRequest { DeskId = "alpha" }, beta));
        var audited = await _scenario.Api.CallAsync<GetMarginStatusRequest, MarginStatus>(
            ApiHarness.MarginService, "GetMarginStatus", new GetMarginStatusRequest { DeskId = "alpha" }, await _scenario.Api.IssueKeyAsync(Role.Auditor));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal("alpha", audited.DeskId);
    }

    [Fact]
    public async Task MarginPass_ShortDesk_GetsOneCall_AcknowledgedByIt_ThenPartiallyMetAndMetAsCollateralArrives()
    {
        await PassAsync();
        await PassAsync();
        var issued = Assert.Single((await CallsAsync()).Calls);
        var acknowledged = await _scenario.Api.CallAsync<AcknowledgeMarginCallRequest, MarginCall>(
            ApiHarness.MarginService, "AcknowledgeMarginCall", new AcknowledgeMarginCallRequest { CallId = issued.CallId, Reason = "agreed" }, _alphaKey);

        await _scenario.ReportAndSettleAsync("s-2", DateTimeOffset.UtcNow.AddSeconds(-30), 3_000_000_000); // +1,000 USDC
        await PassAsync();
        var partial = Assert.Single((await CallsAsync()).Calls);
        await _scenario.ReportAndSettleAsync("s-3", DateTimeOffset.UtcNow.AddSeconds(-10), 3_960_000_000); // +960 more
        await PassAsync();
        var met = Assert.Single((await CallsAsync()).Calls);

        Assert.Equal((MarginCallState.Issued, "1960000000", 1), (issued.State, issued.Amount, issued.TermsVersion));
        Assert.Equal(MarginCallState.Acknowledged, acknowledged.State);
        Assert.Equal((MarginCallState.PartiallyMet, "1000000000"), (partial.State, partial.Delivered));
        Assert.Equal((MarginCallState.Met, "1960000000"), (met.State, met.Delivered));
        Assert.Equal(
            [MarginCallState.Issued, MarginCallState.Acknowledged, MarginCallState.PartiallyMet, MarginCallState.Met],
            met.History.Select(t => t.State));
        Assert.Equal(issued.IssuedAt.ToDateTimeOffset().AddHours(26), met.DefaultsAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task WatchMarginCalls_FromZeroThenResumed_MissesNothingAndRepeatsNothing()
    {
        await PassAsync();
        var call = Assert.Single((await CallsAsync()).Calls);
        await _scenario.Api.CallAsync<DisputeMarginCallRequest, MarginCall>(ApiHarness.MarginService, "DisputeMarginCall",
            new DisputeMarginCallRequest { CallId = call.CallId, Reason = "we value the BTC collateral", DeskAmount = "1500000000" }, _alphaKey);

        var all = await WatchAsync(0, 2);
        var resumed = await WatchAsync(all[0].Sequence, 1);

        Assert.Equal([MarginCallState.Issued, MarginCallState.Disputed], all.Select(e => e.Transition.State));
        Assert.Equal("1500000000", all[1].Transition.Amount);
        Assert.Equal(all[1], Assert.Single(resumed));
    }

    [Fact]
    public async Task AcknowledgeMarginCall_AnotherDesksCall_IsNotFound_AndAnOperatorCannotActForTheDesk()
    {
        await PassAsync();
        var call = Assert.Single((await CallsAsync()).Calls);
        await _scenario.Api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "beta", DisplayName = "B", WalletAddress = "0x0000000000000000000000000000000000000002" });
        var beta = await _scenario.Api.IssueKeyAsync(Role.Desk, "beta");

        var hidden = await Assert.ThrowsAsync<RpcException>(() => _scenario.Api.CallAsync<AcknowledgeMarginCallRequest, MarginCall>(
            ApiHarness.MarginService, "AcknowledgeMarginCall", new AcknowledgeMarginCallRequest { CallId = call.CallId }, beta));
        var operatorRefused = await Assert.ThrowsAsync<RpcException>(() => _scenario.Api.CallAsync<AcknowledgeMarginCallRequest, MarginCall>(
            ApiHarness.MarginService, "AcknowledgeMarginCall", new AcknowledgeMarginCallRequest { CallId = call.CallId }, _scenario.Api.OperatorKey));
        var betaList = await _scenario.Api.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(ApiHarness.MarginService, "ListMarginCalls", new ListMarginCallsRequest(), beta);

        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, operatorRefused.StatusCode);
        Assert.Empty(betaList.Calls);
    }

    private Task<int> PassAsync() => _scenario.Api.Service<CustodySettle.Margin.Calls.MarginPass>().RunAsync(CancellationToken.None);

    private Task<ListMarginCallsResponse> CallsAsync() =>
        _scenario.Api.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(ApiHarness.MarginService, "ListMarginCalls", new ListMarginCallsRequest(), _alphaKey);

    private async Task<List<MarginCallEvent>> WatchAsync(long after, int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = _scenario.Api.Channel.ServerStreaming(
            ApiHarness.Method<WatchMarginCallsRequest, MarginCallEvent>(ApiHarness.MarginService, "WatchMarginCalls"),
            new WatchMarginCallsRequest { AfterSequence = after },
            new CustodySettle.Grpc.Client.GrpcCallOptions(new Metadata().Add("authorization", $"Bearer {_alphaKey}"), CancellationToken: timeout.Token));
        var seen = new List<MarginCallEvent>();
        while (seen.Count < expected && await call.ResponseStream.MoveNext(timeout.Token))
        {
            seen.Add(call.ResponseStream.Current);
        }

        return seen;
    }

    private Task<MarginStatus> StatusAsync(string key) =>
        _scenario.Api.CallAsync<GetMarginStatusRequest, MarginStatus>(ApiHarness.MarginService, "GetMarginStatus", new GetMarginStatusRequest(), key);
}
