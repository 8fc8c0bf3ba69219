using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Testing;
using Dapper;
using Google.Protobuf.WellKnownTypes;
using V1BreakType = CustodySettle.Api.V1.BreakType;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The custody flow end to end over the real transport, PostgreSQL and anvil: statements move the
/// ledger, the mirror mints and burns the custody token to match, and reconciliation finds every kind
/// of difference planted behind the service's back, with its evidence. Each test starts from the
/// freshly deployed chain (snapshot and revert) and a database of its own.
/// </summary>
public sealed class CustodyFlowTests(DeployedAnvilFixture fixture) : IClassFixture<DeployedAnvilFixture>, IAsyncLifetime
{
    private ChainStack _chain = null!;
    private ApiHarness _api = null!;
    private string _snapshot = string.Empty;
    private string _custodianKey = string.Empty;

    public async Task InitializeAsync()
    {
        _snapshot = await fixture.Anvil.SnapshotAsync();
        _chain = await ChainStack.CreateAsync(fixture);
        // The mirror runs only when poked (a report) in these tests, so a difference planted on chain stays for reconciliation to see.
        _api = await ApiHarness.StartAsync(_chain.Settings(finalityDepth: 1, interval: TimeSpan.FromHours(1)));
        await _api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 6 });
        await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = "Alpha", WalletAddress = ChainStack.DeskWallet.ToString() });
        await _api.AdminAsync<CreateCustodianRequest, Custodian>("CreateCustodian", new CreateCustodianRequest { CustodianId = "vault", DisplayName = "Vault" });
        _custodianKey = await _api.IssueKeyAsync(Role.Custodian, "vault");
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _chain.Dispose();
        await fixture.Anvil.RevertAsync(_snapshot);
    }

    [Fact]
    public async Task Statement_MintsTheBalanceAndReconcilesClean_ThenALowerStatementBurns()
    {
        await ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-2), "1000000");
        await WaitForSupplyAsync(1_000_000);
        await WaitForMirrorIdleAsync();
        var clean = await RunAsync();

        await ReportAsync("s-2", DateTimeOffset.UtcNow.AddMinutes(-1), "400000");
        await WaitForSupplyAsync(400_000);
        await WaitForMirrorIdleAsync();
        var afterBurn = await RunAsync();

        Assert.Empty(clean.Breaks);
        var line = Assert.Single(clean.Targets);
        Assert.Equal(("1000000", "1000000", "1000000", "1000000"), (line.StatementBalance, line.LedgerBalance, line.TokenSupply, line.WalletBalance));
        Assert.Empty(afterBurn.Breaks);
        Assert.Equal("400000", afterBurn.Targets.Single().TokenSupply);
        Assert.Equal(["mint:1000000:confirmed", "burn:600000:confirmed"], await OperationsAsync());
    }

    [Fact]
    public async Task TokenMintedBehindTheServicesBack_IsASupplyMismatchWithTheBlock()
    {
        await ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), "1000000");
        await WaitForSupplyAsync(1_000_000);
        await WaitForMirrorIdleAsync();
        var token = _chain.Contracts.CustodyToken(await _chain.TokenAsync("vault", "USDC"));
        await token.GuardMintAsync(_chain.Deployer, ChainStack.DeskWallet, 5, 1_000_000, CancellationToken.None);

        var report = await RunAsync();

        var found = Assert.Single(report.Breaks);
        Assert.Equal((V1BreakType.SupplyMismatch, "1000000", "1000005"), (found.Type, found.Expected, found.Actual));
        Assert.Equal((report.BlockNumber, report.BlockHash, token.Address.ToString()), (found.Evidence.BlockNumber, found.Evidence.BlockHash, found.Evidence.TokenAddress));
        Assert.Equal("s-1", found.Evidence.StatementId);
    }

    [Fact]
    public async Task StatementOlderThanTheStaleness_IsAStaleStatementBreak()
    {
        await ReportAsync("s-old", DateTimeOffset.UtcNow.AddDays(-3), "1000");
        await WaitForSupplyAsync(1_000);
        await WaitForMirrorIdleAsync();

        var report = await RunAsync();

        var stale = Assert.Single(report.Breaks);
        Assert.Equal((V1BreakType.StaleStatement, "vault"), (stale.Type, stale.CustodianId));
    }

    [Fact]
    public async Task SubaccountOfTheDesksWalletNotLinked_IsAnUnknownSubaccount_AndClearsOnceLinked()
    {
        await _chain.Contracts.SubAccounts.CreateAccountAsync(_chain.Desk, ChainStack.DeskWallet, _chain.Contracts.Manager.Address, CancellationToken.None);
        var last = await _chain.Contracts.SubAccounts.LastAccountIdAsync(CustodySettle.Chain.Rpc.BlockTag.Latest, CancellationToken.None);

        var first = await RunAsync();
        await _api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = last.ToString(), DeskId = "alpha" });
        var second = await RunAsync();

        var unknown = Assert.Single(first.Breaks);
        Assert.Equal((V1BreakType.UnknownSubaccount, "alpha", last.ToString()), (unknown.Type, unknown.DeskId, unknown.Evidence.SubaccountId));
        Assert.Empty(second.Breaks);
        Assert.Equal(1, second.Cleared);
        Assert.Equal(last.ToString(), Assert.Single(second.Subaccounts).SubaccountId);
        var resolved = await _api.CallAsync<ListBreaksRequest, ListBreaksResponse>(
            ApiHarness.ReconciliationService, "ListBreaks", new ListBreaksRequest { Status = BreakStatus.Resolved }, _api.OperatorKey);
        Assert.Equal(unknown.BreakId, Assert.Single(resolved.Breaks).BreakId);
    }

    [Fact]
    public async Task JournalRowAlteredViaSql_IsAJournalTamperedBreakAtItsSequence()
    {
        await ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), "1000");
        await WaitForSupplyAsync(1_000);
        await WaitForMirrorIdleAsync();
        await using (var connection = await _api.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE ledger_journal SET reference = 'edited' WHERE seq = 1");
        }

        var report = await RunAsync();

        var tampered = Assert.Single(report.Breaks, b => b.Type == V1BreakType.JournalTampered);
        Assert.Equal(1, tampered.Evidence.JournalSequence);
        Assert.Contains("ChangedEntry", tampered.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BurnTheWalletCannotCover_FailsOnce_IsNotRetriedUntilSomethingMoves_AndReconciliationShowsIt()
    {
        await ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-2), "1000");
        await WaitForSupplyAsync(1_000);
        await WaitForMirrorIdleAsync();
        // The desk escrows 600 of its 1000 tokens as collateral in a linked subaccount of its own.
        var token = _chain.Contracts.CustodyToken(await _chain.TokenAsync("vault", "USDC"));
        await _chain.Contracts.SubAccounts.CreateAccountAsync(_chain.Desk, ChainStack.DeskWallet, _chain.Contracts.Manager.Address, CancellationToken.None);
        var account = await _chain.Contracts.SubAccounts.LastAccountIdAsync(CustodySettle.Chain.Rpc.BlockTag.Latest, CancellationToken.None);
        await _api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = account.ToString(), DeskId = "alpha" });
        await token.ApproveAsync(_chain.Desk, _chain.Contracts.Collateral.Address, 600, CancellationToken.None);
        await _chain.Contracts.Collateral.DepositAsync(_chain.Desk, account, token.Address, 600, CancellationToken.None);

        await ReportAsync("s-2", DateTimeOffset.UtcNow.AddMinutes(-1), "200");
        await WaitForMirrorIdleAsync();
        for (var pass = 0; pass < 5; pass++)
        {
            _api.PokeMirror();
            await Task.Delay(100);
        }

        var report = await RunAsync();

        Assert.Equal(["mint:1000:confirmed", "burn:800:failed"], await OperationsAsync());
        Assert.Equal(1_000, await _chain.SupplyAsync("vault", "USDC"));
        var mismatch = Assert.Single(report.Breaks);
        Assert.Equal((V1BreakType.SupplyMismatch, "200", "1000"), (mismatch.Type, mismatch.Expected, mismatch.Actual));
        Assert.Equal(("400", "600"), (report.Targets.Single().WalletBalance, report.Targets.Single().SubaccountCollateral));
    }

    [Fact]
    public async Task GetReport_AnyPastRun_IsServedUnchanged_AndARetriedRunReturnsTheSameReport()
    {
        await ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), "77");
        await WaitForSupplyAsync(77);
        await WaitForMirrorIdleAsync();
        var requestId = Guid.NewGuid().ToString();
        var run = await RunAsync(requestId);
        await ReportAsync("s-2", DateTimeOffset.UtcNow, "78");
        await RunAsync();

        var fetched = await _api.CallAsync<GetReportRequest, ReconciliationReport>(
            ApiHarness.ReconciliationService, "GetReport", new GetReportRequest { ReportId = run.ReportId }, await _api.IssueKeyAsync(Role.Auditor));
        var retried = await RunAsync(requestId);

        Assert.Equal(run, fetched);
        Assert.Equal(run, retried);
    }

    /// <summary>Pokes the mirror until the token's supply is <paramref name="expected"/> (creating the token takes a pass of its own).</summary>
    private async Task WaitForSupplyAsync(BigInteger expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        BigInteger supply;
        while ((supply = await _chain.SupplyAsync("vault", "USDC")) != expected)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the supply is {supply}, not {expected}, after 30 s");
            _api.PokeMirror();
            await Task.Delay(100);
        }
    }

    private Task<Statement> ReportAsync(string id, DateTimeOffset asOf, string balance) =>
        _api.CallAsync<ReportBalancesRequest, Statement>(ApiHarness.CustodianService, "ReportBalances", new ReportBalancesRequest
        {
            StatementId = id,
            AsOf = Timestamp.FromDateTimeOffset(asOf),
            Lines = { new StatementLine { DeskId = "alpha", Asset = "USDC", Balance = balance } },
        }, _custodianKey);

    private Task<ReconciliationReport> RunAsync(string? requestId = null) =>
        _api.CallAsync<RunReconciliationRequest, ReconciliationReport>(
            ApiHarness.ReconciliationService, "RunReconciliation", new RunReconciliationRequest { RequestId = requestId ?? string.Empty }, _api.OperatorKey);

    /// <summary>Until no mint or burn is planned or in flight (the mirror confirms at depth 1 on its next pass).</summary>
    private async Task WaitForMirrorIdleAsync()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        await using var connection = await _api.Database.DataSource.OpenConnectionAsync();
        while (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM mirror_operations WHERE status IN ('planned', 'sent')") > 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the mirror did not settle in 30 s");
            _api.PokeMirror();
            await Task.Delay(100);
        }
    }

    private async Task<List<string>> OperationsAsync()
    {
        await using var connection = await _api.Database.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT kind || ':' || amount || ':' || status FROM mirror_operations ORDER BY created_at")];
    }
}
