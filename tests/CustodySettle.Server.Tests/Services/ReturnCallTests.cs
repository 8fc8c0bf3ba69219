using CustodySettle.Api.V1;
using CustodySettle.Testing;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// Return calls on the real stack. Alpha holds 10,000 USDC at vault and is long 1 BTC at 60,000
/// (requirement 3,960): 6,040 is excess. Before the trade all 10,000 was excess, so that first return
/// call is cancelled when the trade takes the excess below it; the 6,040 return follows, is accepted by
/// the desk, instructed to vault, met by vault's confirmation, and settled once all three sides agree.
/// </summary>
[Collection(MarginChainGroup.Name)]
public sealed class ReturnCallTests(DeployedAnvilFixture fixture)
{
    [Fact]
    public async Task Excess_ReturnCallAcceptedInstructedMetAndSettled_AnEarlierOneCancelledWhenTheExcessFell()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, marginPoll: TimeSpan.FromMilliseconds(50));
        var alpha = await MarginTrading.OpenLongAsync(scenario, collateral: 10_000_000_000);

        var issued = await WaitAsync(scenario, alpha, c => c.Amount == "6040000000");
        await scenario.Api.CallAsync<AcknowledgeMarginCallRequest, MarginCall>(
            ApiHarness.MarginService, "AcknowledgeMarginCall", new AcknowledgeMarginCallRequest { CallId = issued.CallId }, alpha);
        var instructed = await WaitAsync(scenario, alpha, c => c.CallId == issued.CallId && c.InstructionId.Length > 0);
        var instruction = Assert.Single(await SettlementCycleTests.InstructionsAsync(scenario));
        await scenario.Api.CallAsync<ConfirmTransferRequest, TransferConfirmation>(ApiHarness.CustodianService, "ConfirmTransfer", new ConfirmTransferRequest
        {
            ConfirmationId = "release-1", Direction = TransferDirection.Withdrawal, DeskId = "alpha", Asset = "USDC", Amount = "6040000000",
            ExecutedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), InstructionId = instruction.InstructionId,
        }, scenario.CustodianKey);
        var met = await WaitAsync(scenario, alpha, c => c.CallId == issued.CallId && c.State == MarginCallState.Met);
        await scenario.WaitForSupplyAsync(3_960_000_000);
        await scenario.WaitForMirrorIdleAsync();
        await scenario.ReportAsync("s-2", DateTimeOffset.UtcNow, "3960000000");
        await scenario.RunAsync();
        var settled = await WaitAsync(scenario, alpha, c => c.CallId == issued.CallId && c.State == MarginCallState.Settled);
        var all = (await scenario.Api.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(
            ApiHarness.MarginService, "ListMarginCalls", new ListMarginCallsRequest(), alpha)).Calls;

        Assert.Equal((MarginCallKind.Return, MarginCallState.Issued), (issued.Kind, issued.State));
        Assert.Equal((instructed.InstructionId, "alpha", TransferDirection.Withdrawal, "6040000000"),
            (instruction.InstructionId, instruction.DeskId, instruction.Direction, instruction.Amount));
        Assert.Equal("6040000000", met.Delivered);
        Assert.Equal([MarginCallState.Issued, MarginCallState.Acknowledged, MarginCallState.Met, MarginCallState.Settled], settled.History.Select(h => h.State));
        var cancelled = Assert.Single(all, c => c.State == MarginCallState.Cancelled);
        Assert.Equal((MarginCallKind.Return, "10000000000"), (cancelled.Kind, cancelled.Amount));
        Assert.StartsWith("the excess fell to 6040000000", cancelled.History[^1].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(all, c => c.Kind == MarginCallKind.Delivery);
    }

    private static async Task<MarginCall> WaitAsync(CustodyScenario scenario, string key, Func<MarginCall, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var calls = (await scenario.Api.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(
                ApiHarness.MarginService, "ListMarginCalls", new ListMarginCallsRequest(), key)).Calls;
            if (calls.FirstOrDefault(c => c.Kind == MarginCallKind.Return && match(c)) is { } call)
            {
                return call;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"no such return call after 30 s: {string.Join("; ", calls.Select(c => $"{c.Amount} {c.State}"))}");
            await Task.Delay(100);
        }
    }
}
