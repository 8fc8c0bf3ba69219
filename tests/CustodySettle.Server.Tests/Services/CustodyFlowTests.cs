using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Testing;
using Dapper;
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
    private CustodyScenario _scenario = null!;

    private ChainStack Chain => _scenario.Chain;

    private ApiHarness Api => _scenario.Api;

    public async Task InitializeAsync() => _scenario = await CustodyScenario.StartAsync(fixture);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Statement_MintsTheBalanceAndReconcilesClean_ThenALowerStatementBurns()
    {
        await _scenario.ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-2), "1000000");
        await _scenario.WaitForSupplyAsync(1_000_000);
        await _scenario.WaitForMirrorIdleAsync();
        var clean = await _scenario.RunAsync();

        await _scenario.ReportAsync("s-2", DateTimeOffset.UtcNow.AddMinutes(-1), "400000");
        await _scenario.WaitForSupplyAsync(400_000);
        await _scenario.WaitForMirrorIdleAsync();
        var afterBurn = await _scenario.RunAsync();

        Assert.Empty(clean.Breaks);
        var line = Assert.Single(clean.Targets);
        Assert.Equal(("1000000", "1000000", "1000000", "1000000"), (line.StatementBalance, line.LedgerBalance, line.TokenSupply, line.WalletBalance));
        Assert.Empty(afterBurn.Breaks);
        Assert.Equal("400000", afterBurn.Targets.Single().TokenSupply);
        Assert.Equal(["mint:1000000:confirmed", "burn:600000:confirmed"], await _scenario.OperationsAsync());
    }

    [Fact]
    public async Task TokenMintedBehindTheServicesBack_IsASupplyMismatchWithTheBlock()
    {
        await _scenario.ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), "1000000");
        await _scenario.WaitForSupplyAsync(1_000_000);
        await _scenario.WaitForMirrorIdleAsync();
        var token = Chain.Contracts.CustodyToken(await Chain.TokenAsync("vault", "USDC"));
        await _scenario.MinedAsync(token.GuardMintAsync(Chain.RogueMinter, ChainStack.DeskWallet, 5, 1_000_000, CancellationToken.None));

        var report = await _scenario.RunAsync();

        var found = Assert.Single(report.Breaks);
        Assert.Equal((V1BreakType.SupplyMismatch, "1000000", "1000005"), (found.Type, found.Expected, found.Actual));
        Assert.Equal((report.BlockNumber, report.BlockHash, token.Address.ToString()), (found.Evidence.BlockNumber, found.Evidence.BlockHash, found.Evidence.TokenAddress));
        Assert.Equal("s-1", found.Evidence.StatementId);
    }

    [Fact]
    public async Task StatementOlderThanTheStaleness_IsAStaleStatementBreak()
    {
        await _scenario.ReportAsync("s-old", DateTimeOffset.UtcNow.AddDays(-3), "1000");
        await _scenario.WaitForSupplyAsync(1_000);
        await _scenario.WaitForMirrorIdleAsync();

        var report = await _scenario.RunAsync();

        var stale = Assert.Single(report.Breaks);
        Assert.Equal((V1BreakType.StaleStatement, "vault"), (stale.Type, stale.CustodianId));
    }

    [Fact]
    public async Task SubaccountOfTheDesksWalletNotLinked_IsAnUnknownSubaccount_AndClearsOnceLinked()
    {
        var last = await _scenario.CreateSubaccountAsync();

        var first = await _scenario.RunAsync();
        await Api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = last, DeskId = "alpha" });
        var second = await _scenario.RunAsync();

        var unknown = Assert.Single(first.Breaks);
        Assert.Equal((V1BreakType.UnknownSubaccount, "alpha", last), (unknown.Type, unknown.DeskId, unknown.Evidence.SubaccountId));
        Assert.Empty(second.Breaks);
        Assert.Equal(1, second.Cleared);
        Assert.Equal(last, Assert.Single(second.Subaccounts).SubaccountId);
        var resolved = await Api.CallAsync<ListBreaksRequest, ListBreaksResponse>(
            ApiHarness.ReconciliationService, "ListBreaks", new ListBreaksRequest { Status = BreakStatus.Resolved }, Api.OperatorKey);
        Assert.Equal(unknown.BreakId, Assert.Single(resolved.Breaks).BreakId);
    }

    [Fact]
    public async Task JournalRowAlteredViaSql_IsAJournalTamperedBreakAtItsSequence()
    {
        await _scenario.ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), "1000");
        await _scenario.WaitForSupplyAsync(1_000);
        await _scenario.WaitForMirrorIdleAsync();
        await using (var connection = await Api.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE ledger_journal SET reference = 'edited' WHERE seq = 1");
        }

        var report = await _scenario.RunAsync();

        var tampered = Assert.Single(report.Breaks, b => b.Type == V1BreakType.JournalTampered);
        Assert.Equal(1, tampered.Evidence.JournalSequence);
        Assert.Contains("ChangedEntry", tampered.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BurnTheWalletCannotCover_FailsOnce_IsNotRetriedUntilSomethingMoves_AndReconciliationShowsIt()
    {
        await _scenario.ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-2), "1000");
        await _scenario.WaitForSupplyAsync(1_000);
        await _scenario.WaitForMirrorIdleAsync();
        // The desk escrows 600 of its 1000 tokens as collateral in a linked subaccount of its own.
        var token = Chain.Contracts.CustodyToken(await Chain.TokenAsync("vault", "USDC"));
        var account = await _scenario.CreateSubaccountAsync();
        await Api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = account, DeskId = "alpha" });
        await _scenario.MinedAsync(token.ApproveAsync(Chain.Desk, Chain.Contracts.Collateral.Address, 600, CancellationToken.None));
        await _scenario.MinedAsync(Chain.Contracts.Collateral.DepositAsync(Chain.Desk, BigInteger.Parse(account, System.Globalization.CultureInfo.InvariantCulture), token.Address, 600, CancellationToken.None));

        await _scenario.ReportAsync("s-2", DateTimeOffset.UtcNow.AddMinutes(-1), "200");
        await _scenario.WaitForMirrorIdleAsync();
        for (var pass = 0; pass < 5; pass++)
        {
            Api.PokeMirror();
            await Task.Delay(100);
        }

        var report = await _scenario.RunAsync();

        Assert.Equal(["mint:1000:confirmed", "burn:800:failed"], await _scenario.OperationsAsync());
        Assert.Equal(1_000, await Chain.SupplyAsync("vault", "USDC"));
        var mismatch = Assert.Single(report.Breaks);
        Assert.Equal((V1BreakType.SupplyMismatch, "200", "1000"), (mismatch.Type, mismatch.Expected, mismatch.Actual));
        Assert.Equal(("400", "600"), (report.Targets.Single().WalletBalance, report.Targets.Single().SubaccountCollateral));
    }

    [Fact]
    public async Task GetReport_AnyPastRun_IsServedUnchanged_AndARetriedRunReturnsTheSameReport()
    {
        await _scenario.ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), "77");
        await _scenario.WaitForSupplyAsync(77);
        await _scenario.WaitForMirrorIdleAsync();
        var requestId = Guid.NewGuid().ToString();
        var run = await _scenario.RunAsync(requestId);
        await _scenario.ReportAsync("s-2", DateTimeOffset.UtcNow, "78");
        await _scenario.RunAsync();

        var fetched = await Api.CallAsync<GetReportRequest, ReconciliationReport>(
            ApiHarness.ReconciliationService, "GetReport", new GetReportRequest { ReportId = run.ReportId }, await Api.IssueKeyAsync(Role.Auditor));
        var retried = await _scenario.RunAsync(requestId);

        Assert.Equal(run, fetched);
        Assert.Equal(run, retried);
    }
}
