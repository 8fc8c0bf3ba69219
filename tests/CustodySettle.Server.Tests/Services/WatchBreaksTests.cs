using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Grpc.Client;
using CustodySettle.Testing;
using V1BreakStatus = CustodySettle.Api.V1.BreakStatus;
using V1BreakType = CustodySettle.Api.V1.BreakType;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// ReconciliationService.WatchBreaks over the real transport (reconciliation_service.proto): every change
/// to a break in order from after_sequence on, then live, filtered to what the caller may see; and the
/// refusals of AcknowledgeBreak and ResolveBreak. The breaks are unlinked subaccounts of the desk's wallet
/// on anvil. Each test starts from the freshly deployed chain (snapshot and revert) and a database of its own.
/// </summary>
public sealed class WatchBreaksTests(DeployedAnvilFixture fixture) : IClassFixture<DeployedAnvilFixture>, IAsyncLifetime
{
    private const string AckReason = "looking into it";
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private CustodyScenario _scenario = null!;
    private string _auditorKey = string.Empty;

    private ApiHarness Api => _scenario.Api;

    public async Task InitializeAsync()
    {
        _scenario = await CustodyScenario.StartAsync(fixture);
        _auditorKey = await Api.IssueKeyAsync(Role.Auditor);
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task WatchBreaks_FromZero_YieldsOpenedAcknowledgedResolvedInOrder()
    {
        var breakId = await HistoryAsync();

        var events = await DrainAsync(_auditorKey, 0);

        Assert.Equal([V1BreakStatus.Open, V1BreakStatus.Acknowledged, V1BreakStatus.Resolved], events.Select(e => e.Break.Status));
        Assert.All(events, e => Assert.Equal((breakId, V1BreakType.UnknownSubaccount), (e.Break.BreakId, e.Break.Type)));
        Assert.True(events[0].Sequence > 0 && events[0].Sequence < events[1].Sequence && events[1].Sequence < events[2].Sequence);
        Assert.Equal(AckReason, events[1].Break.Reason);
        Assert.Equal("reconciliation", events[2].Break.Actor);
    }

    [Fact]
    public async Task WatchBreaks_FromTheSecondEventsSequence_YieldsOnlyTheThird()
    {
        await HistoryAsync();
        var all = await DrainAsync(_auditorKey, 0);

        var resumed = await DrainAsync(_auditorKey, all[1].Sequence);

        Assert.Equal(all[2], Assert.Single(resumed));
    }

    [Fact]
    public async Task WatchBreaks_LiveWatcher_ReceivesABreakOpenedWhileItWaits()
    {
        await HistoryAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = Watch(_auditorKey, 0, timeout.Token);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        }

        var past = call.ResponseStream.Current.Sequence;
        var next = call.ResponseStream.MoveNext(timeout.Token);
        await Task.Delay(300);
        var waitedLive = !next.IsCompleted;

        var second = await _scenario.CreateSubaccountAsync();
        var report = await _scenario.RunAsync();
        var received = await next.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(waitedLive, "the stream ended or produced an event before the new break was opened");
        Assert.True(received);
        var opened = call.ResponseStream.Current;
        Assert.True(opened.Sequence > past);
        Assert.Equal((Assert.Single(report.Breaks).BreakId, V1BreakStatus.Open, second), (opened.Break.BreakId, opened.Break.Status, opened.Break.Evidence.SubaccountId));
    }

    [Fact]
    public async Task WatchBreaks_DeskKeyOfAnotherDesk_SeesNoneOfAlphasEvents_AndAlphasKeySeesThem()
    {
        await Api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "beta", DisplayName = "Beta", WalletAddress = "0x0000000000000000000000000000000000000002" });
        var betaKey = await Api.IssueKeyAsync(Role.Desk, "beta");
        var alphaKey = await Api.IssueKeyAsync(Role.Desk, "alpha");
        var breakId = await HistoryAsync();

        var beta = await DrainAsync(betaKey, 0);
        var alpha = await DrainAsync(alphaKey, 0);

        Assert.Empty(beta);
        Assert.Equal(3, alpha.Count);
        Assert.All(alpha, e => Assert.Equal((breakId, "alpha"), (e.Break.BreakId, e.Break.DeskId)));
    }

    [Fact]
    public async Task WatchBreaks_NegativeAfterSequence_IsInvalidArgumentNamingAfterSequence()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = Watch(_auditorKey, -1, timeout.Token);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(timeout.Token));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("after_sequence", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcknowledgeBreak_Twice_IsFailedPrecondition()
    {
        var (breakId, _) = await OpenBreakAsync();
        await AcknowledgeAsync(breakId);

        var error = await Assert.ThrowsAsync<RpcException>(() => AcknowledgeAsync(breakId, "again"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("acknowledged already", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AckReason, (await OnlyBreakAsync()).Reason);
    }

    [Fact]
    public async Task ResolveBreak_EmptyReason_IsInvalidArgumentNamingReason()
    {
        var (breakId, _) = await OpenBreakAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => ResolveAsync(breakId, string.Empty, Api.OperatorKey));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("reason", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(V1BreakStatus.Open, (await OnlyBreakAsync()).Status);
    }

    [Fact]
    public async Task ResolveBreak_DeskKey_IsPermissionDenied()
    {
        var (breakId, _) = await OpenBreakAsync();
        var deskKey = await Api.IssueKeyAsync(Role.Desk, "alpha");

        var error = await Assert.ThrowsAsync<RpcException>(() => ResolveAsync(breakId, "mine to close", deskKey));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(V1BreakStatus.Open, (await OnlyBreakAsync()).Status);
    }

    /// <summary>One break through three events: opened by a run, acknowledged, cleared by a run once its subaccount is linked.</summary>
    private async Task<string> HistoryAsync()
    {
        var (breakId, subaccountId) = await OpenBreakAsync();
        await AcknowledgeAsync(breakId);
        await Api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = subaccountId, DeskId = "alpha" });
        var cleared = await _scenario.RunAsync();
        Assert.True(cleared is { Cleared: 1, Breaks.Count: 0 }, $"linking {subaccountId} did not clear break {breakId}: {cleared}");
        return breakId;
    }

    private async Task<(string BreakId, string SubaccountId)> OpenBreakAsync()
    {
        var subaccountId = await _scenario.CreateSubaccountAsync();
        var opened = Assert.Single((await _scenario.RunAsync()).Breaks);
        return (opened.BreakId, subaccountId);
    }

    private Task<Break> AcknowledgeAsync(string breakId, string reason = AckReason) =>
        Api.CallAsync<AcknowledgeBreakRequest, Break>(ApiHarness.ReconciliationService, "AcknowledgeBreak", new AcknowledgeBreakRequest { BreakId = breakId, Reason = reason }, Api.OperatorKey);

    private Task<Break> ResolveAsync(string breakId, string reason, string key) =>
        Api.CallAsync<ResolveBreakRequest, Break>(ApiHarness.ReconciliationService, "ResolveBreak", new ResolveBreakRequest { BreakId = breakId, Reason = reason }, key);

    private async Task<Break> OnlyBreakAsync() =>
        Assert.Single((await Api.CallAsync<ListBreaksRequest, ListBreaksResponse>(ApiHarness.ReconciliationService, "ListBreaks", new ListBreaksRequest(), _auditorKey)).Breaks);

    private ServerStreamingCall<BreakEvent> Watch(string key, long afterSequence, CancellationToken ct) =>
        Api.Channel.ServerStreaming(
            ApiHarness.Method<WatchBreaksRequest, BreakEvent>(ApiHarness.ReconciliationService, "WatchBreaks"),
            new WatchBreaksRequest { AfterSequence = afterSequence },
            new GrpcCallOptions(new Metadata().Add("authorization", $"Bearer {key}"), CancellationToken: ct));

    /// <summary>Every event the watch yields within <see cref="Quiet"/>, when the client cancels it; the call must end by that, not otherwise.</summary>
    private async Task<List<BreakEvent>> DrainAsync(string key, long afterSequence)
    {
        using var timeout = new CancellationTokenSource(Quiet);
        using var call = Watch(key, afterSequence, timeout.Token);
        var events = new List<BreakEvent>();
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(timeout.Token))
            {
                events.Add(call.ResponseStream.Current);
            }
        });
        Assert.True(ended.StatusCode is StatusCode.Cancelled or StatusCode.DeadlineExceeded, $"the watch ended with {ended.Status}, not by the client's timeout");
        return events;
    }
}
