using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Testing;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The margin worker as it runs in the service: a price move on chain leads to a call computed at the
/// block that moved the price; a call left unmet defaults at the end of its cure period, and while it
/// is defaulted no withdrawal may be instructed for the desk.
/// </summary>
[Collection(MarginChainGroup.Name)]
public sealed class MarginEngineTests(DeployedAnvilFixture fixture)
{
    [Fact]
    public async Task PriceFallsOnChain_CallIssuedAtTheBlockThatMovedThePrice()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, marginPoll: TimeSpan.FromMilliseconds(50));
        // 4,000 USDC covers the 3,960 requirement at 60,000: no call yet.
        var alpha = await MarginTrading.OpenLongAsync(scenario, collateral: 4_000_000_000);
        await Task.Delay(500);
        Assert.Empty(await DeliveriesAsync(scenario, alpha));

        var block = await MarginTrading.SetPriceAsync(scenario, 58_000);
        var call = await WaitForCallAsync(scenario, alpha);

        // 58,000 x 0.066 + 2,000 loss = 5,828 against 4,000: a call of 1,828 USDC.
        Assert.Equal("1828000000", call.Amount);
        Assert.EndsWith($"at block {block}", call.History[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PriceFallsFurther_TheOpenCallIsRaisedAndIssuedAgain_OnTheStream()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, marginPoll: TimeSpan.FromMilliseconds(50));
        var alpha = await MarginTrading.OpenLongAsync(scenario, collateral: 4_000_000_000);
        await MarginTrading.SetPriceAsync(scenario, 58_000);
        var first = await WaitForCallAsync(scenario, alpha);
        await scenario.Api.CallAsync<AcknowledgeMarginCallRequest, MarginCall>(
            ApiHarness.MarginService, "AcknowledgeMarginCall", new AcknowledgeMarginCallRequest { CallId = first.CallId }, alpha);

        var block = await MarginTrading.SetPriceAsync(scenario, 56_000);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        MarginCall raised;
        while ((raised = await WaitForCallAsync(scenario, alpha)).Amount == first.Amount)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the call was not raised in 20 s");
            await Task.Delay(50);
        }

        // 56,000 x 0.066 + 4,000 loss = 7,696 against 4,000: the same call, raised from 1,828 to 3,696 USDC.
        Assert.Equal((first.CallId, "3696000000", MarginCallState.Issued), (raised.CallId, raised.Amount, raised.State));
        Assert.Equal(first.DefaultsAt, raised.DefaultsAt);
        Assert.Equal([MarginCallState.Issued, MarginCallState.Acknowledged, MarginCallState.Issued], raised.History.Select(h => h.State));
        Assert.Equal($"shortfall grew to 3696000000 at block {block}: call raised by 1868000000", raised.History[^1].Reason);
    }

    [Fact]
    public async Task CallMetByAConfirmedTopUp_SettledOnlyOnceLedgerChainAndCustodianAgree()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, marginPoll: TimeSpan.FromMilliseconds(50));
        var alpha = await MarginTrading.OpenLongAsync(scenario, collateral: 4_000_000_000);
        await MarginTrading.SetPriceAsync(scenario, 58_000);
        var issued = await WaitForCallAsync(scenario, alpha);

        // The custodian confirms the 1,828 USDC top-up; the ledger moves it and the mirror mints it.
        await scenario.Api.CallAsync<ConfirmTransferRequest, TransferConfirmation>(ApiHarness.CustodianService, "ConfirmTransfer", new ConfirmTransferRequest
        {
            ConfirmationId = "top-up-1", Direction = TransferDirection.Deposit, DeskId = "alpha", Asset = "USDC", Amount = issued.Amount,
            ExecutedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        }, scenario.CustodianKey);
        var met = await WaitForStateAsync(scenario, alpha, MarginCallState.Met);
        await scenario.WaitForSupplyAsync(5_828_000_000);
        await scenario.WaitForMirrorIdleAsync();

        // The custodian's last statement still says 4,000: ledger and chain agree, the custodian not yet.
        var disagreeing = await scenario.RunAsync();
        await Task.Delay(500);
        var stillMet = await WaitForCallAsync(scenario, alpha);
        await scenario.ReportAsync("s-2", DateTimeOffset.UtcNow, "5828000000");
        var agreeing = await scenario.RunAsync();
        var settled = await WaitForStateAsync(scenario, alpha, MarginCallState.Settled);

        Assert.Equal("1828000000", met.Delivered);
        Assert.Contains(disagreeing.Breaks, b => b.DeskId == "alpha" && b.Type == BreakType.AmountMismatch);
        Assert.Equal(MarginCallState.Met, stillMet.State);
        Assert.DoesNotContain(agreeing.Breaks, b => b.DeskId == "alpha");
        Assert.Equal("margin engine", settled.History[^1].Actor);
        Assert.Contains($"reconciliation report {agreeing.ReportId} at block {agreeing.BlockNumber}", settled.History[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnmetCall_DefaultsAtTheEndOfItsCurePeriod_AndWithdrawalsAreRefusedUntilItIsMet()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, marginPoll: TimeSpan.FromMilliseconds(50));
        var alpha = await MarginTrading.OpenLongAsync(scenario, collateral: 2_000_000_000, deliveryDeadline: TimeSpan.FromSeconds(1), curePeriod: TimeSpan.FromSeconds(1));
        var issued = await WaitForCallAsync(scenario, alpha);

        var defaulted = await WaitForStateAsync(scenario, alpha, MarginCallState.Defaulted);
        var refused = await Assert.ThrowsAsync<RpcException>(() => WithdrawalAsync(scenario));
        await scenario.ReportAndSettleAsync("s-2", DateTimeOffset.UtcNow.AddSeconds(-1), 3_960_000_000);
        var met = await WaitForStateAsync(scenario, alpha, MarginCallState.Met);
        var allowed = await WithdrawalAsync(scenario);

        Assert.Equal(issued.DefaultsAt, defaulted.History[^1].At); // defaulted exactly at the end of the cure period
        Assert.Equal(issued.IssuedAt.ToDateTimeOffset().AddSeconds(2), issued.DefaultsAt.ToDateTimeOffset());
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("defaulted margin call", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(MarginCallState.Met, met.State);
        Assert.Equal(InstructionStatus.Pending, allowed.Status);
    }

    private static Task<Instruction> WithdrawalAsync(CustodyScenario scenario) =>
        scenario.Api.AdminAsync<IssueInstructionRequest, Instruction>("IssueInstruction", new IssueInstructionRequest
        {
            RequestId = Guid.NewGuid().ToString(), CustodianId = "vault", DeskId = "alpha", Asset = "USDC", Direction = TransferDirection.Withdrawal,
            Amount = "1000000", Reason = "release",
        });

    private static Task<ListMarginCallsResponse> CallsAsync(CustodyScenario scenario, string key) =>
        scenario.Api.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(ApiHarness.MarginService, "ListMarginCalls", new ListMarginCallsRequest(), key);

    /// <summary>The desk's delivery calls (a desk holding more than it needs gets return calls too).</summary>
    private static async Task<List<MarginCall>> DeliveriesAsync(CustodyScenario scenario, string key) =>
        [.. (await CallsAsync(scenario, key)).Calls.Where(c => c.Kind == MarginCallKind.Delivery)];

    private static async Task<MarginCall> WaitForCallAsync(CustodyScenario scenario, string key)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await DeliveriesAsync(scenario, key) is [var call])
            {
                return call;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "no margin call after 20 s");
            await Task.Delay(50);
        }
    }

    private static async Task<MarginCall> WaitForStateAsync(CustodyScenario scenario, string key, MarginCallState state)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var call = await WaitForCallAsync(scenario, key);
            if (call.State == state)
            {
                return call;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the call is {call.State}, not {state}, after 30 s");
            await Task.Delay(100);
        }
    }
}
