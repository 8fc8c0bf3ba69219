using System.Globalization;
using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Chain.Rpc;
using CustodySettle.Grpc;
using CustodySettle.Testing;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// Settlement cycles end to end on anvil. Desk alpha is long 1 BTC at 60,000 against the venue account,
/// which is linked to desk beta; both hold USDC at vault. The venue marks and settles both subaccounts
/// (StandardManager.settlePerpsWithIndex) at 58,000 and then at 61,000.000000000123456789, with no
/// funding (mark = index, interest rate 0). By hand: alpha realized -2,000 + 3,000.000000000123456789 =
/// +1,000.000000000123456789 USD, beta the opposite; in USDC's 6 decimals alpha receives 1,000,000,000
/// (rounded down) and beta pays 1,000,000,001 (rounded up).
/// </summary>
[Collection(MarginChainGroup.Name)]
public sealed class SettlementCycleTests(DeployedAnvilFixture fixture)
{
    private const string AlphaNet = "1000000000", BetaNet = "-1000000001";
    private static readonly BigInteger E18 = MarginTrading.E18;
    private static readonly BigInteger AlphaPnl = (1_000 * E18) + 123_456_789;

    [Fact]
    public async Task Cycle_NetsEachDesksPerpSettledToTheHandFigures_RoundingAgainstTheDesk_AndIsIdempotent()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, configure: s => s with { Settlement = s.Settlement with { DisputeWindow = TimeSpan.FromHours(1) } });
        var (alphaKey, betaKey, _) = await TradeAndSettleOnChainAsync(fixture, scenario);
        var requestId = Guid.NewGuid().ToString();

        var cycle = await RunAsync(scenario, requestId);

        Assert.Equal(2, cycle.Settlements.Count);
        var alpha = Assert.Single(cycle.Settlements, s => s.DeskId == "alpha");
        var beta = Assert.Single(cycle.Settlements, s => s.DeskId == "beta");
        Assert.Equal((AlphaNet, Text(AlphaPnl), "0", "vault", "USDC"), (alpha.Net, alpha.RealizedPnl, alpha.Funding, alpha.CustodianId, alpha.Asset));
        Assert.Equal((BetaNet, Text(-AlphaPnl), "0", "vault"), (beta.Net, beta.RealizedPnl, beta.Funding, beta.CustodianId));
        Assert.All(cycle.Settlements, s => Assert.Equal(SettlementState.Pending, s.State));
        Assert.All(cycle.Settlements, s => Assert.Equal(cycle.WindowEndsAt, s.WindowEndsAt));
        Assert.Equal(cycle.ClosedAt.ToDateTimeOffset().AddHours(1), cycle.WindowEndsAt.ToDateTimeOffset());
        Assert.Empty(cycle.Unattributed);
        Assert.Equal(await fixture.Anvil.BlockNumberAsync() - 1, cycle.ToBlock); // closed at the finalized head (depth 1)

        // The evidence: the events netted, each with its block and transaction.
        var detail = await scenario.Api.CallAsync<GetSettlementRequest, Settlement>(
            ApiHarness.SettlementService, "GetSettlement", new GetSettlementRequest { SettlementId = alpha.SettlementId }, alphaKey);
        Assert.Equal(Text(AlphaPnl), Text(detail.Events.Aggregate(BigInteger.Zero, (sum, e) => sum + BigInteger.Parse(e.Pnl, CultureInfo.InvariantCulture))));
        Assert.All(detail.Events, e => Assert.InRange(e.BlockNumber, cycle.FromBlock + 1, cycle.ToBlock));

        // A replay answers the same cycle; a new request with no new final block is refused.
        var replay = await RunAsync(scenario, requestId);
        Assert.Equal(cycle.CycleId, replay.CycleId);
        Assert.Equal(cycle.Settlements.Select(s => s.SettlementId), replay.Settlements.Select(s => s.SettlementId));
        var again = await Assert.ThrowsAsync<RpcException>(() => RunAsync(scenario, Guid.NewGuid().ToString()));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        var ahead = await Assert.ThrowsAsync<RpcException>(() => RunAsync(scenario, Guid.NewGuid().ToString(), toBlock: cycle.ToBlock + 100));
        Assert.Equal((StatusCode.InvalidArgument, true), (ahead.StatusCode, ahead.Status.Detail.StartsWith("to_block", StringComparison.Ordinal)));

        // The next cycle starts where this one ended.
        await fixture.Anvil.RpcAsync("evm_mine");
        var next = await RunAsync(scenario, Guid.NewGuid().ToString());
        Assert.Equal(cycle.ToBlock, next.FromBlock);
        Assert.Empty(next.Settlements);

        // A desk lists and reads only its own settlements.
        var betaList = await scenario.Api.CallAsync<ListSettlementsRequest, ListSettlementsResponse>(
            ApiHarness.SettlementService, "ListSettlements", new ListSettlementsRequest(), betaKey);
        Assert.Equal([beta.SettlementId], betaList.Settlements.Select(s => s.SettlementId));
        var hidden = await Assert.ThrowsAsync<RpcException>(() => scenario.Api.CallAsync<GetSettlementRequest, Settlement>(
            ApiHarness.SettlementService, "GetSettlement", new GetSettlementRequest { SettlementId = alpha.SettlementId }, betaKey));
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
        var denied = await Assert.ThrowsAsync<RpcException>(() => scenario.Api.CallAsync<ListSettlementsRequest, ListSettlementsResponse>(
            ApiHarness.SettlementService, "ListSettlements", new ListSettlementsRequest { DeskId = "alpha" }, betaKey));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task DisputeInsideTheWindow_HoldsTheInstruction_AnUndisputedOneIsFinalExactlyAtTheWindowsEnd()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, configure: s => s with { Settlement = s.Settlement with { DisputeWindow = TimeSpan.FromSeconds(4) } });
        var (alphaKey, betaKey, _) = await TradeAndSettleOnChainAsync(fixture, scenario);
        var cycle = await RunAsync(scenario, Guid.NewGuid().ToString());
        var alphaId = cycle.Settlements.Single(s => s.DeskId == "alpha").SettlementId;
        var betaId = cycle.Settlements.Single(s => s.DeskId == "beta").SettlementId;

        var disputed = await scenario.Api.CallAsync<DisputeSettlementRequest, Settlement>(ApiHarness.SettlementService, "DisputeSettlement",
            new DisputeSettlementRequest { SettlementId = alphaId, Reason = "our mark was 61,000.5", DeskAmount = "1000500000" }, alphaKey);
        Assert.Equal((SettlementState.Disputed, "1000500000"), (disputed.State, disputed.DeskFigure));
        var notTheirs = await Assert.ThrowsAsync<RpcException>(() => scenario.Api.CallAsync<DisputeSettlementRequest, Settlement>(ApiHarness.SettlementService,
            "DisputeSettlement", new DisputeSettlementRequest { SettlementId = alphaId, Reason = "r", DeskAmount = "0" }, betaKey));
        Assert.Equal(StatusCode.NotFound, notTheirs.StatusCode);
        var badFigure = await Assert.ThrowsAsync<RpcException>(() => scenario.Api.CallAsync<DisputeSettlementRequest, Settlement>(ApiHarness.SettlementService,
            "DisputeSettlement", new DisputeSettlementRequest { SettlementId = betaId, Reason = "r", DeskAmount = "-0" }, betaKey));
        Assert.Equal((StatusCode.InvalidArgument, true), (badFigure.StatusCode, badFigure.Status.Detail.StartsWith("desk_amount", StringComparison.Ordinal)));

        // Beta does nothing: its settlement is final exactly when the window ends, and the worker instructs vault.
        var beta = await WaitAsync(scenario, betaId, s => s.InstructionId.Length > 0);
        Assert.Equal(SettlementState.Final, beta.State);
        Assert.Equal((cycle.WindowEndsAt, "settlement engine"), (beta.History[^1].At, beta.History[^1].Actor));
        var instructions = await InstructionsAsync(scenario);
        var payment = Assert.Single(instructions);
        Assert.Equal((beta.InstructionId, "beta", TransferDirection.Withdrawal, "1000000001"), (payment.InstructionId, payment.DeskId, payment.Direction, payment.Amount));

        // Alpha's stays held past the window: no instruction, and the desk cannot approve it itself.
        var held = await Get(scenario, alphaId, alphaKey);
        Assert.Equal((SettlementState.Disputed, string.Empty), (held.State, held.InstructionId));
        var deskApproves = await Assert.ThrowsAsync<RpcException>(() => scenario.Api.CallAsync<ApproveSettlementRequest, Settlement>(
            ApiHarness.SettlementService, "ApproveSettlement", new ApproveSettlementRequest { SettlementId = alphaId }, alphaKey));
        Assert.Equal(StatusCode.FailedPrecondition, deskApproves.StatusCode);
        var late = await Assert.ThrowsAsync<RpcException>(() => scenario.Api.CallAsync<DisputeSettlementRequest, Settlement>(ApiHarness.SettlementService,
            "DisputeSettlement", new DisputeSettlementRequest { SettlementId = betaId, Reason = "late", DeskAmount = "0" }, betaKey));
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.Single(await InstructionsAsync(scenario));

        // An operator resolves the dispute on the chain's figure (a reason is required): final, instructed at once.
        var noReason = await Assert.ThrowsAsync<RpcException>(() => scenario.Api.CallAsync<ApproveSettlementRequest, Settlement>(
            ApiHarness.SettlementService, "ApproveSettlement", new ApproveSettlementRequest { SettlementId = alphaId }, scenario.Api.OperatorKey));
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        var resolved = await scenario.Api.CallAsync<ApproveSettlementRequest, Settlement>(ApiHarness.SettlementService, "ApproveSettlement",
            new ApproveSettlementRequest { SettlementId = alphaId, Reason = "index price confirmed at 61,000.000000000123456789" }, scenario.Api.OperatorKey);
        Assert.Equal(SettlementState.Final, resolved.State);
        Assert.Equal([SettlementState.Pending, SettlementState.Disputed, SettlementState.Final], resolved.History.Select(h => h.State));
        var receipt = Assert.Single(await InstructionsAsync(scenario), i => i.DeskId == "alpha");
        Assert.Equal((resolved.InstructionId, TransferDirection.Deposit, AlphaNet), (receipt.InstructionId, receipt.Direction, receipt.Amount));
    }

    [Fact]
    public async Task FinalSettlement_ExecutedByTheCustodian_MovesTheLedger_AndAnEarlyApprovalIsFinalAtOnce()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, configure: s => s with { Settlement = s.Settlement with { DisputeWindow = TimeSpan.FromHours(1) } });
        var (_, betaKey, betaHeld) = await TradeAndSettleOnChainAsync(fixture, scenario);
        var cycle = await RunAsync(scenario, Guid.NewGuid().ToString());
        var betaId = cycle.Settlements.Single(s => s.DeskId == "beta").SettlementId;

        var approved = await scenario.Api.CallAsync<ApproveSettlementRequest, Settlement>(
            ApiHarness.SettlementService, "ApproveSettlement", new ApproveSettlementRequest { SettlementId = betaId }, betaKey);
        Assert.Equal(SettlementState.Final, approved.State);
        Assert.NotEmpty(approved.InstructionId);
        var retried = await scenario.Api.CallAsync<ApproveSettlementRequest, Settlement>(
            ApiHarness.SettlementService, "ApproveSettlement", new ApproveSettlementRequest { SettlementId = betaId }, betaKey);
        Assert.Equal((approved.InstructionId, approved.History.Count), (retried.InstructionId, retried.History.Count)); // a retry changes nothing

        var confirmation = await scenario.Api.CallAsync<ConfirmTransferRequest, TransferConfirmation>(ApiHarness.CustodianService, "ConfirmTransfer", new ConfirmTransferRequest
        {
            ConfirmationId = "pay-1", Direction = TransferDirection.Withdrawal, DeskId = "beta", Asset = "USDC", Amount = "1000000001",
            ExecutedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), InstructionId = approved.InstructionId,
        }, scenario.CustodianKey);

        Assert.Equal(Text(betaHeld - 1_000_000_001), confirmation.AvailableAfter);
        Assert.Equal(InstructionStatus.Executed, Assert.Single(await InstructionsAsync(scenario)).Status);
    }

    /// <summary>
    /// Alpha long 1 BTC at 60,000 against the venue account (linked to beta); both hold USDC at vault; both
    /// subaccounts settled at 58,000 and at 61,000.000000000123456789; one more block so the last is final.
    /// Returns alpha's and beta's keys and what beta holds.
    /// </summary>
    internal static async Task<(string Alpha, string Beta, BigInteger BetaHeld)> TradeAndSettleOnChainAsync(DeployedAnvilFixture fixture, CustodyScenario scenario)
    {
        var (api, chain, c) = (scenario.Api, scenario.Chain, scenario.Chain.Contracts);
        BigInteger alphaHeld = 10_000_000_000, betaHeld = 50_000_000_000;
        var alphaKey = await MarginTrading.OpenLongAsync(scenario, collateral: alphaHeld);
        var venue = await c.SubAccounts.LastAccountIdAsync(BlockTag.Latest, CancellationToken.None);
        var alpha = BigInteger.Parse((await api.AdminAsync<ListSubaccountsRequest, ListSubaccountsResponse>("ListSubaccounts", new ListSubaccountsRequest { DeskId = "alpha" }))
            .Subaccounts.Single().SubaccountId, CultureInfo.InvariantCulture);
        await api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "beta", DisplayName = "Beta (the venue's account)", WalletAddress = chain.Deployer.Address.ToString() });
        await api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = Text(venue), DeskId = "beta" });
        await api.CallAsync<ReportBalancesRequest, Statement>(ApiHarness.CustodianService, "ReportBalances", new ReportBalancesRequest
        {
            StatementId = "s-2",
            AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            Lines =
            {
                new StatementLine { DeskId = "alpha", Asset = "USDC", Balance = Text(alphaHeld) },
                new StatementLine { DeskId = "beta", Asset = "USDC", Balance = Text(betaHeld) },
            },
        }, scenario.CustodianKey);

        foreach (var price in new[] { 58_000 * E18, (61_000 * E18) + 123_456_789 })
        {
            await scenario.MinedAsync(c.PerpBtc.SetPricesAsync(chain.Deployer, price, price, CancellationToken.None));
            await scenario.MinedAsync(c.Manager.SettlePerpsWithIndexAsync(chain.Deployer, alpha, CancellationToken.None));
            await scenario.MinedAsync(c.Manager.SettlePerpsWithIndexAsync(chain.Deployer, venue, CancellationToken.None));
        }

        await fixture.Anvil.RpcAsync("evm_mine");
        return (alphaKey, await api.IssueKeyAsync(Role.Desk, "beta"), betaHeld);
    }

    internal static Task<SettlementCycle> RunAsync(CustodyScenario scenario, string requestId, long toBlock = 0) =>
        scenario.Api.CallAsync<RunSettlementCycleRequest, SettlementCycle>(
            ApiHarness.SettlementService, "RunSettlementCycle", new RunSettlementCycleRequest { RequestId = requestId, ToBlock = toBlock }, scenario.Api.OperatorKey);

    private static Task<Settlement> Get(CustodyScenario scenario, string settlementId, string key) =>
        scenario.Api.CallAsync<GetSettlementRequest, Settlement>(ApiHarness.SettlementService, "GetSettlement", new GetSettlementRequest { SettlementId = settlementId }, key);

    private static async Task<Settlement> WaitAsync(CustodyScenario scenario, string settlementId, Func<Settlement, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var settlement = await Get(scenario, settlementId, scenario.Api.OperatorKey);
            if (done(settlement))
            {
                return settlement;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"settlement {settlementId} is still {settlement.State} after 30 s");
            await Task.Delay(200);
        }
    }

    internal static async Task<List<Instruction>> InstructionsAsync(CustodyScenario scenario) =>
        [.. (await scenario.Api.CallAsync<ListInstructionsRequest, ListInstructionsResponse>(
            ApiHarness.CustodianService, "ListInstructions", new ListInstructionsRequest(), scenario.CustodianKey)).Instructions];

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
