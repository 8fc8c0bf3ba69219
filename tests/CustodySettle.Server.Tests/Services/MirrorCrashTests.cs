using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Rpc;
using CustodySettle.Grpc;
using CustodySettle.Grpc.Client;
using CustodySettle.Testing;
using Dapper;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// Issue 6's crash acceptance: the service is killed (SIGKILL) after it sent a mint and before the mint
/// was final, then started again: exactly one mint is on chain, and ledger and chain reconcile.
/// </summary>
public sealed class MirrorCrashTests(DeployedAnvilFixture fixture) : IClassFixture<DeployedAnvilFixture>
{
    private const int FinalityDepth = 3;

    [Fact]
    public async Task KilledBetweenSendingAMintAndItsConfirmation_RestartedService_MintsExactlyOnce()
    {
        using var chain = await ChainStack.CreateAsync(fixture);
        await using var database = await TestDatabase.CreateMigratedAsync();
        var (_, operatorKey) = ApiKeyToken.Generate();
        var environment = new Dictionary<string, string>
        {
            ["CS_PG_CONNECTION"] = database.ConnectionString,
            ["CS_OPERATOR_KEY"] = operatorKey,
            ["CS_CHAIN_RPC_URL"] = fixture.Anvil.RpcUrl.ToString(),
            ["CS_DEPLOYMENT_FILE"] = fixture.DeploymentFile,
            ["CS_MINTER_KEY"] = ChainStack.MinterKey,
            ["CS_CONTRACTS_OUT"] = RepositoryPaths.Combine("contracts", "out"),
            ["CS_MIRROR_FINALITY_DEPTH"] = FinalityDepth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CS_MIRROR_INTERVAL_MS"] = "100",
            ["CS_ADMIN_LISTEN"] = "off",
        };

        var first = ServiceProcess.Start(environment);
        string custodianKey;
        using (var channel = new GrpcClientChannel(first.Address))
        {
            await WaitUntilServingAsync(channel, operatorKey, first);
            await CallAsync<CreateAssetRequest, Asset>(channel, ApiHarness.AdminService, "CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 6 }, operatorKey);
            await CallAsync<CreateDeskRequest, Desk>(channel, ApiHarness.AdminService, "CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = "A", WalletAddress = ChainStack.DeskWallet.ToString() }, operatorKey);
            await CallAsync<CreateCustodianRequest, Custodian>(channel, ApiHarness.AdminService, "CreateCustodian", new CreateCustodianRequest { CustodianId = "crash", DisplayName = "C" }, operatorKey);
            custodianKey = (await CallAsync<CreateApiKeyRequest, CreateApiKeyResponse>(channel, ApiHarness.AdminService, "CreateApiKey",
                new CreateApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Role = Role.Custodian, ScopeId = "crash" }, operatorKey)).Secret;
            await CallAsync<ReportBalancesRequest, Statement>(channel, ApiHarness.CustodianService, "ReportBalances", new ReportBalancesRequest
            {
                StatementId = "s-1",
                AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                Lines = { new StatementLine { DeskId = "alpha", Asset = "USDC", Balance = "2500000" } },
            }, custodianKey);
        }

        // The mint is sent (anvil mines it at once) but needs FinalityDepth blocks, and no other block comes.
        await WaitForAsync(database, "SELECT count(*) FROM mirror_operations WHERE status = 'sent'", 1, first);
        first.Kill();
        Assert.Equal(1, await CountMintsAsync(chain));

        using var second = ServiceProcess.Start(environment);
        await fixture.Anvil.RpcAsync("anvil_mine", "0x" + FinalityDepth.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        await WaitForAsync(database, "SELECT count(*) FROM mirror_operations WHERE status = 'confirmed'", 1, second);
        using var secondChannel = new GrpcClientChannel(second.Address);
        var report = await CallAsync<RunReconciliationRequest, ReconciliationReport>(
            secondChannel, ApiHarness.ReconciliationService, "RunReconciliation", new RunReconciliationRequest(), operatorKey);

        Assert.Equal(1, await CountMintsAsync(chain));
        Assert.Equal(2_500_000, await chain.SupplyAsync("crash", "USDC"));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(["mint:2500000:confirmed"], await connection.QueryAsync<string>("SELECT kind || ':' || amount || ':' || status FROM mirror_operations"));
        Assert.Empty(report.Breaks);
    }

    private static async Task<int> CountMintsAsync(ChainStack chain)
    {
        var token = await chain.TokenAsync("crash", "USDC");
        var decoder = chain.Contracts.CreateEventDecoder();
        decoder.AddCustodyToken(token);
        var logs = await chain.Eth.GetLogsAsync(new LogFilter { FromBlock = BlockTag.At(0), ToBlock = BlockTag.Latest, Addresses = [token] }, CancellationToken.None);
        return logs.Count(l => decoder.Decode(l)?.Event is Minted);
    }

    private static async Task WaitUntilServingAsync(GrpcClientChannel channel, string key, ServiceProcess service)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await CallAsync<ListAssetsRequest, ListAssetsResponse>(channel, ApiHarness.AdminService, "ListAssets", new ListAssetsRequest(), key);
                return;
            }
            catch (Exception e) when (e is RpcException or HttpRequestException && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"the service did not start: {e.Message}\n{service.Output}", e);
            }
        }
    }

    private static async Task WaitForAsync(TestDatabase database, string countSql, int expected, ServiceProcess service)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        while (await connection.ExecuteScalarAsync<int>(countSql) != expected)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"'{countSql}' did not reach {expected} in 60 s:\n{service.Output}");
            await Task.Delay(100);
        }
    }

    private static Task<TResponse> CallAsync<TRequest, TResponse>(GrpcClientChannel channel, Google.Protobuf.Reflection.ServiceDescriptor service, string name, TRequest request, string key)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse> =>
        channel.UnaryAsync(ApiHarness.Method<TRequest, TResponse>(service, name), request,
            new GrpcCallOptions(new Metadata().Add("authorization", $"Bearer {key}"), DateTimeOffset.UtcNow.AddSeconds(30)));
}
