using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The close-out on default, configured (CS_CLOSEOUT_ACCOUNT = the venue's account): alpha's 1 BTC long
/// at 60,000 with 2,000 USDC against a 3,960 requirement, 1 s to deliver and 1 s to cure. The call
/// defaults; the service trades the long to the venue's account at the mark, once, and notes it on the
/// call's history, which WatchMarginCalls streams. Without the executor role for the service's key
/// the refusal is noted instead, once.
/// </summary>
[Collection(MarginChainGroup.Name)]
public sealed class CloseOutTests(DeployedAnvilFixture fixture)
{
    [Fact]
    public async Task DefaultedCall_PositionClosedOutAgainstTheVenueAccountOnce_AndNotedOnTheStream()
    {
        var venue = await NextVenueAccountAsync();
        await using var scenario = await CustodyScenario.StartAsync(fixture, marginPoll: TimeSpan.FromMilliseconds(50), configure: s => s with { CloseOutAccount = venue });
        // What an operator does before configuring a close-out account: the service's key may trade.
        await scenario.MinedAsync(scenario.Chain.Contracts.Executor.SetExecutorAsync(scenario.Chain.Deployer, ServiceKey, true, CancellationToken.None));
        var alpha = await MarginTrading.OpenLongAsync(scenario, collateral: 2_000_000_000, deliveryDeadline: TimeSpan.FromSeconds(1), curePeriod: TimeSpan.FromSeconds(1));
        Assert.Equal(venue, await scenario.Chain.Contracts.SubAccounts.LastAccountIdAsync(BlockTag.Latest, CancellationToken.None));

        var noted = await WaitForNoteAsync(scenario, alpha, "closed out");
        await Task.Delay(500); // further passes change nothing

        var c = scenario.Chain.Contracts;
        var alphaAccount = venue - 1;
        Assert.Equal(BigInteger.Zero, await c.SubAccounts.GetBalanceAsync(alphaAccount, c.PerpBtc.Address, BigInteger.Zero, BlockTag.Latest, CancellationToken.None));
        Assert.Equal(BigInteger.Zero, await c.SubAccounts.GetBalanceAsync(venue, c.PerpBtc.Address, BigInteger.Zero, BlockTag.Latest, CancellationToken.None));
        var note = Assert.Single(noted.History, h => h.Reason.StartsWith("closed out on default", StringComparison.Ordinal));
        Assert.Equal(MarginCallState.Defaulted, note.State);
        Assert.Contains($"traded to the venue's account {venue} at the mark", note.Reason, StringComparison.Ordinal);
        await using var connection = await scenario.Api.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(["done"], await connection.QueryAsync<string>("SELECT status FROM margin_closeouts"));
        // With the position gone so is the shortfall: the call is met after the note, and nothing is closed twice.
        var after = (await scenario.Api.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(
            ApiHarness.MarginService, "ListMarginCalls", new ListMarginCallsRequest(), alpha)).Calls.Single(x => x.Kind == MarginCallKind.Delivery);
        Assert.Equal(
            [MarginCallState.Issued, MarginCallState.Defaulted, MarginCallState.Defaulted, MarginCallState.Met],
            after.History.Select(h => h.State));
        Assert.Single(after.History, h => h.Reason.StartsWith("closed out on default", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DefaultedCall_ServicesKeyNoExecutor_TheRefusalIsNotedOnce_AndThePositionStays()
    {
        var venue = await NextVenueAccountAsync();
        await using var scenario = await CustodyScenario.StartAsync(fixture, marginPoll: TimeSpan.FromMilliseconds(50), configure: s => s with { CloseOutAccount = venue });
        var alpha = await MarginTrading.OpenLongAsync(scenario, collateral: 2_000_000_000, deliveryDeadline: TimeSpan.FromSeconds(1), curePeriod: TimeSpan.FromSeconds(1));

        var noted = await WaitForNoteAsync(scenario, alpha, "close-out on default failed");
        await Task.Delay(500); // further passes neither send nor note again

        var note = Assert.Single(noted.History, h => h.Reason.StartsWith("close-out", StringComparison.Ordinal));
        Assert.Equal(MarginCallState.Defaulted, note.State);
        Assert.Contains($"BTC position of subaccount {venue - 1} was refused before sending (TE_OnlyExecutor(", note.Reason, StringComparison.Ordinal);
        Assert.EndsWith("an operator must close it", note.Reason, StringComparison.Ordinal);
        var c = scenario.Chain.Contracts;
        Assert.Equal(MarginTrading.E18, await c.SubAccounts.GetBalanceAsync(venue - 1, c.PerpBtc.Address, BigInteger.Zero, BlockTag.Latest, CancellationToken.None));
        await using var connection = await scenario.Api.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(["failed -"], await connection.QueryAsync<string>("SELECT status || ' ' || coalesce(transaction_hash, '-') FROM margin_closeouts"));
        var after = (await scenario.Api.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(
            ApiHarness.MarginService, "ListMarginCalls", new ListMarginCallsRequest(), alpha)).Calls.Single(x => x.Kind == MarginCallKind.Delivery);
        Assert.Equal(MarginCallState.Defaulted, after.State);
        Assert.Single(after.History, h => h.Reason.StartsWith("close-out", StringComparison.Ordinal));
    }

    /// <summary>The service's chain key: the minter's, which the test deployment makes no executor.</summary>
    private static Address ServiceKey => Address.Parse(AnvilFixture.MinterAccount);

    /// <summary>The id the venue's account will get: MarginTrading creates alpha's subaccount, then the venue's.</summary>
    private async Task<BigInteger> NextVenueAccountAsync()
    {
        using var probe = await ChainStack.CreateAsync(fixture);
        return await probe.Contracts.SubAccounts.LastAccountIdAsync(BlockTag.Latest, CancellationToken.None) + 2;
    }

    private static async Task<MarginCall> WaitForNoteAsync(CustodyScenario scenario, string key, string prefix)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var calls = await scenario.Api.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(
                ApiHarness.MarginService, "ListMarginCalls", new ListMarginCallsRequest(), key);
            if (calls.Calls.FirstOrDefault(c => c.Kind == MarginCallKind.Delivery && c.History.Any(h => h.Reason.StartsWith(prefix, StringComparison.Ordinal))) is { } call)
            {
                return call;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                await using var connection = await scenario.Api.Database.DataSource.OpenConnectionAsync();
                var rows = await connection.QueryAsync<string>("SELECT status || ' ' || coalesce(transaction_hash, '-') || ' ' || detail FROM margin_closeouts");
                Assert.Fail($"no note '{prefix}' after 30 s; calls: {string.Join("; ", calls.Calls.Select(c => $"{c.Kind} {c.State}"))}; close-outs: {string.Join("; ", rows)}");
            }

            await Task.Delay(100);
        }
    }
}
