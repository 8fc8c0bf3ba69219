using System.Numerics;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Rpc;
using CustodySettle.Testing;
using static CustodySettle.Chain.Tests.Contracts.FixedPoint;

namespace CustodySettle.Chain.Tests.Contracts.Events;

/// <summary>
/// Class fixture: a fresh deployment, docs/contracts.md's margin scenario (<see cref="MarginScenario"/>)
/// and then everything else the contracts can emit — ERC-721 approvals, a convergence period change,
/// a price move, an hour of funding, settlement, a collateral withdrawal, a burn, a cash withdrawal,
/// allow-list changes — followed by every log since the deployment block, decoded.
/// </summary>
public sealed class EventScenario : IAsyncLifetime
{
    public static readonly BigInteger WithdrawnTokenUnits = 10_000_000;
    public static readonly BigInteger BurnedTokenUnits = 4_000_000;
    public static readonly BigInteger WithdrawnUsdc = 1_000_000_000;

    private readonly DeployedAnvilFixture _chain = new();

    internal ChainHarness Harness { get; private set; } = null!;

    internal MarginScenario Margin { get; private set; } = null!;

    /// <summary>Funding per contract accrued over the settled hour, and account A's share of it.</summary>
    public BigInteger HourOfFunding { get; private set; }

    public BigInteger FundingA => Funding(MarginScenario.Size, HourOfFunding);

    public long SettledAt { get; private set; }

    public IReadOnlyList<LogEntry> Logs { get; private set; } = [];

    public IReadOnlyList<DecodedEvent> Events { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _chain.InitializeAsync();
        Harness = await ChainHarness.CreateAsync(_chain);
        Margin = await MarginScenario.OpenAsync(Harness);
        var (h, c, s) = (Harness, Harness.Contracts, Margin);

        await h.MinedAsync(c.PerpBtc.SetConvergencePeriodAsync(h.Deployer, 8, default), c.PerpBtc.Abi);
        await h.MinedAsync(c.SubAccounts.ApproveAsync(h.Alice, ChainHarness.BobAddress, s.AccountA, default), c.SubAccounts.Abi);
        await h.MinedAsync(c.SubAccounts.SetApprovalForAllAsync(h.Alice, ChainHarness.BobAddress, true, default), c.SubAccounts.Abi);

        var priced = await h.MinedAsync(c.PerpBtc.SetPerpPriceAsync(h.Deployer, Units(61_000), default), c.PerpBtc.Abi);
        var pricedAt = (await h.Eth.GetBlockByNumberAsync(BlockTag.At(priced.BlockNumber), default))!.Timestamp;
        await h.SetNextTimestampAsync(pricedAt.AddHours(1));
        SettledAt = pricedAt.AddHours(1).ToUnixTimeSeconds();
        HourOfFunding = FundingAccrued(FundingRate(Units(61_000), Units(60_000)), 3_600, Units(60_000));
        await h.MinedAsync(c.Manager.SettlePerpsWithIndexAsync(h.Bob, s.AccountA, default), c.Manager.Abi);

        var token = c.CustodyToken(s.Token);
        await h.MinedAsync(c.Collateral.WithdrawAsync(h.Alice, s.AccountA, s.Token, WithdrawnTokenUnits, ChainHarness.AliceAddress, default), c.Collateral.Abi);
        await h.MinedAsync(token.GuardBurnAsync(h.Minter, ChainHarness.AliceAddress, BurnedTokenUnits, MarginScenario.CollateralUnits, default), token.Abi);
        await h.MinedAsync(c.Cash.WithdrawAsync(h.Alice, s.AccountA, WithdrawnUsdc, ChainHarness.AliceAddress, default), c.Cash.Abi);
        await h.MinedAsync(token.SetAllowedDestinationAsync(h.Deployer, ChainHarness.BobAddress, true, default), token.Abi);
        await h.MinedAsync(c.Collateral.SetAllowedTokenAsync(h.Deployer, s.Token, true, default), c.Collateral.Abi);

        Logs = await h.Eth.GetLogsAsync(new LogFilter { FromBlock = BlockTag.At(h.Deployment.BlockNumber), ToBlock = BlockTag.Latest }, default);
        Events = c.CreateEventDecoder().DecodeAll(Logs);
    }

    /// <summary>SubAccounts.lastTradeId after the transaction that emitted <paramref name="decoded"/> (one per block: anvil automines).</summary>
    public Task<BigInteger> TradeIdOfAsync(DecodedEvent decoded) =>
        Harness.Contracts.SubAccounts.LastTradeIdAsync(BlockTag.At(decoded.Log.BlockNumber), default);

    public async Task DisposeAsync()
    {
        Harness.Dispose();
        await _chain.DisposeAsync();
    }
}
