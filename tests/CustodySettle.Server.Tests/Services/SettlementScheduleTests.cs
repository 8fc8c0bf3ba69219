using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// Cycles closed by the schedule, and by concurrent requests: they tile the chain with no gap or overlap
/// and each event is netted once, whatever closes them (the trades and hand figures of <see cref="SettlementCycleTests"/>).
/// </summary>
[Collection(MarginChainGroup.Name)]
public sealed class SettlementScheduleTests(DeployedAnvilFixture fixture)
{
    [Fact]
    public async Task ScheduledCycles_TileTheChain_AndNetEveryEventOnce()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture, configure: s => s with
        {
            Settlement = s.Settlement with { Interval = TimeSpan.FromSeconds(2), DisputeWindow = TimeSpan.FromHours(1) },
        });
        await SettlementCycleTests.TradeAndSettleOnChainAsync(fixture, scenario);
        var settledAt = await fixture.Anvil.BlockNumberAsync() - 1; // the last settling block, final at depth 1

        // Wait for scheduled cycles to pass the last settling block (each slot closes at most one).
        await using var connection = await scenario.Api.Database.DataSource.OpenConnectionAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (await connection.ExecuteScalarAsync<long?>("SELECT max(to_block) FROM settlement_cycles") is not { } to || to < settledAt)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "no scheduled cycle reached the settling blocks in 60 s");
            await fixture.Anvil.RpcAsync("evm_mine");
            await Task.Delay(500);
        }

        var cycles = (await connection.QueryAsync<(long From, long To, string ClosedBy)>(
            "SELECT from_block, to_block, closed_by FROM settlement_cycles ORDER BY from_block")).ToList();
        Assert.All(cycles, c => Assert.Equal("schedule", c.ClosedBy));
        Assert.All(cycles.Zip(cycles.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        var all = await scenario.Api.CallAsync<ListSettlementsRequest, ListSettlementsResponse>(
            ApiHarness.SettlementService, "ListSettlements", new ListSettlementsRequest(), scenario.Api.OperatorKey);
        // Split across cycles or not, the desks' totals are the hand figures (the 58,000 marks are exact in USDC).
        Assert.Equal(new BigInteger(1_000_000_000), Sum(all, "alpha"));
        Assert.Equal(new BigInteger(-1_000_000_001), Sum(all, "beta"));
    }

    [Fact]
    public async Task ConcurrentRequests_CloseOneCycle_TheSameIdAnswersTheSameCycle()
    {
        await using var scenario = await CustodyScenario.StartAsync(fixture);
        await SettlementCycleTests.TradeAndSettleOnChainAsync(fixture, scenario);
        var shared = Guid.NewGuid().ToString();

        var same = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SettlementCycleTests.RunAsync(scenario, shared)));
        await fixture.Anvil.RpcAsync("evm_mine");
        var distinct = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await SettlementCycleTests.RunAsync(scenario, Guid.NewGuid().ToString())).CycleId;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                return null;
            }
        }));

        Assert.Single(same.Select(c => c.CycleId).Distinct());
        Assert.Single(distinct.OfType<string>());
        await using var connection = await scenario.Api.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM settlement_cycles"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM settlements"));
    }

    private static BigInteger Sum(ListSettlementsResponse list, string deskId) =>
        list.Settlements.Where(s => s.DeskId == deskId).Aggregate(BigInteger.Zero, (sum, s) => sum + BigInteger.Parse(s.Net, System.Globalization.CultureInfo.InvariantCulture));
}
