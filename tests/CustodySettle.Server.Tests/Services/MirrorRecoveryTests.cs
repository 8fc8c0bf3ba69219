using System.Numerics;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The mirror recovering from what a crash or an outsider leaves behind (CustodyMirror, 0006_mirror.sql):
/// a planned mint whose first send had landed is superseded by the supply guard rather than minted twice,
/// a token creation still in the pool is not sent again on every pass, and a supply moved behind the service's back is brought back to the ledger's figure by a burn. Each
/// test starts from the freshly deployed chain (snapshot and revert) and a database of its own.
/// </summary>
public sealed class MirrorRecoveryTests(DeployedAnvilFixture fixture) : IClassFixture<DeployedAnvilFixture>, IAsyncLifetime
{
    private CustodyScenario _scenario = null!;

    private ChainStack Chain => _scenario.Chain;

    private ApiHarness Api => _scenario.Api;

    public async Task InitializeAsync() => _scenario = await CustodyScenario.StartAsync(fixture);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task PlannedMintWhoseFirstSendLanded_NextPass_SupersedesItAndMintsNothingMore()
    {
        await _scenario.ReportAndSettleAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), 1_000_000);
        var token = await Chain.TokenAsync("vault", "USDC");
        var crashed = Guid.NewGuid();
        await using (var connection = await Api.Database.DataSource.OpenConnectionAsync())
        {
            // What a service killed after the node took its mint, before it recorded the hash, leaves behind.
            await connection.ExecuteAsync("""
                INSERT INTO mirror_operations (operation_id, desk_id, custodian_id, ledger_id, token_address, holder_address, kind, amount,
                    estimated_supply, ledger_held, status, created_at, updated_at)
                SELECT @Id, 'alpha', 'vault', ledger_id, @Token, @Holder, 'mint', 1000000, 0, 1000000, 'planned', now(), now()
                FROM ledger_assets WHERE asset_code = 'USDC'
                """, new { Id = crashed, Token = token.ToLowerHex(), Holder = ChainStack.DeskWallet.ToLowerHex() });
        }

        await _scenario.WaitForMirrorIdleAsync();
        var report = await _scenario.RunAsync();

        var (status, detail) = await OperationAsync(crashed);
        Assert.Equal("superseded", status);
        Assert.Contains("the supply was 1000000", detail, StringComparison.Ordinal);
        Assert.Equal(1_000_000, await Chain.SupplyAsync("vault", "USDC"));
        Assert.Equal([new BigInteger(1_000_000)], await _scenario.MintedAmountsAsync());
        Assert.Empty(report.Breaks);
    }

    [Fact]
    public async Task SupplyMintedAboveTheLedgerBehindTheServicesBack_NextPasses_BurnTheDifference()
    {
        await _scenario.ReportAndSettleAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), 1_000_000);
        var token = Chain.Contracts.CustodyToken(await Chain.TokenAsync("vault", "USDC"));
        await _scenario.MinedAsync(token.GuardMintAsync(Chain.RogueMinter, ChainStack.DeskWallet, 500, 1_000_000, CancellationToken.None));

        await _scenario.WaitForSupplyAsync(1_000_000);
        await _scenario.WaitForMirrorIdleAsync();
        var report = await _scenario.RunAsync();

        Assert.Equal(1_000_000, await Chain.SupplyAsync("vault", "USDC"));
        Assert.Equal(["mint:1000000:confirmed", "burn:500:confirmed"], await _scenario.OperationsAsync());
        Assert.Empty(report.Breaks);
    }

    [Fact]
    public async Task TokenCreationNotYetMined_FurtherPasses_SendNoSecondCreation()
    {
        await fixture.Anvil.RpcAsync("evm_setAutomine", false);
        try
        {
            await _scenario.ReportAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), "1000000");
            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            while (await PooledAsync() == 0)
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, "no createToken reached the pool in 30 s");
                Api.PokeMirror();
                await Task.Delay(100);
            }

            for (var pass = 0; pass < 5; pass++)
            {
                Api.PokeMirror();
                await Task.Delay(200);
            }

            Assert.Equal(1, await PooledAsync());
        }
        finally
        {
            await fixture.Anvil.RpcAsync("evm_setAutomine", true);
            await fixture.Anvil.RpcAsync("evm_mine");
        }

        await _scenario.WaitForSupplyAsync(1_000_000);
        await _scenario.WaitForMirrorIdleAsync();
        Assert.Equal(["mint:1000000:confirmed"], await _scenario.OperationsAsync());
    }

    /// <summary>Transactions waiting in anvil's pool.</summary>
    private async Task<long> PooledAsync() =>
        AnvilFixture.ParseQuantity((await fixture.Anvil.RpcAsync("txpool_status")).GetProperty("pending").GetString()!);

    private async Task<(string Status, string Detail)> OperationAsync(Guid operationId)
    {
        await using var connection = await Api.Database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(string, string)>(
            "SELECT status, detail FROM mirror_operations WHERE operation_id = @Id", new { Id = operationId });
    }
}
