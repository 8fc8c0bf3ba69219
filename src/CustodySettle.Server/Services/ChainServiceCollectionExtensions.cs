using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using CustodySettle.Chain.Signing;
using CustodySettle.Chain.Reading;
using CustodySettle.Custody.Mirroring;
using CustodySettle.Domain.Margin;
using CustodySettle.Margin.Calls;
using CustodySettle.Margin.Settlement;
using CustodySettle.Margin.Status;
using CustodySettle.Reconciliation;

namespace CustodySettle.Server.Services;

/// <summary>
/// The parts that need the chain: its client, the on-chain mirror and reconciliation, when
/// <see cref="ChainSettings"/> are given; otherwise a mirror that does nothing and no reconciler.
/// </summary>
internal static class ChainServiceCollectionExtensions
{
    public static IServiceCollection AddChainParts(this IServiceCollection services, ChainSettings? chain, ReconciliationOptions reconciliation)
    {
        // Stored reports and breaks are readable without a chain; running a reconciliation needs one.
        services.AddSingleton<BreakFeed>();
        services.AddSingleton<PostgresReconciliationStore>();
        services.AddSingleton<PostgresMarginCallStore>();
        services.AddSingleton<IWithdrawalGate>(sp => sp.GetRequiredService<PostgresMarginCallStore>());
        // Stored settlements are readable, and approvable, without a chain; closing a cycle needs one.
        services.AddSingleton<PostgresSettlementStore>();
        services.AddSingleton<SettlementMetrics>();
        services.AddSingleton<SettlementInstructor>();
        if (chain is null)
        {
            services.AddSingleton<IMirrorTrigger, NoMirror>();
            return services;
        }

        services.AddHttpClient(nameof(JsonRpcClient));
        services.AddSingleton(sp => new JsonRpcClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JsonRpcClient)), chain.RpcUrl, new JsonRpcClientOptions(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<JsonRpcClient>>(), sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp => new EthClient(sp.GetRequiredService<JsonRpcClient>()));
        services.AddSingleton(sp =>
        {
            // Start-up reads the deployment once; a missing or malformed file stops the service with the file's name.
            var deployment = ChainDeployment.LoadAsync(chain.DeploymentFile, CancellationToken.None).GetAwaiter().GetResult();
            var artifacts = chain.ContractsOut is { } folder ? new ContractArtifacts(folder) : ContractArtifacts.Default;
            return new ChainContracts(deployment, artifacts, sp.GetRequiredService<EthClient>());
        });
        services.AddSingleton<IChainSigner>(sp => new LocalKeySigner(
            sp.GetRequiredService<EthClient>(), PrivateKey.Parse(chain.MinterKey), sp.GetRequiredService<ChainContracts>().Deployment.ChainId,
            sp.GetRequiredService<ILogger<LocalKeySigner>>()));
        services.AddSingleton(new MirrorOptions { FinalityDepth = chain.FinalityDepth, Interval = chain.MirrorInterval });
        services.AddSingleton<PostgresMirrorStore>();
        services.AddSingleton<MirrorMetrics>();
        services.AddSingleton<CustodyMirror>();
        services.AddSingleton<MirrorWorker>();
        services.AddSingleton<IMirrorTrigger>(sp => sp.GetRequiredService<MirrorWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<MirrorWorker>());

        services.AddSingleton(sp => new BatchedReader(sp.GetRequiredService<EthClient>(), sp.GetRequiredService<ChainContracts>().Multicall3));
        services.AddSingleton(reconciliation);
        services.AddSingleton<ReconciliationMetrics>();
        services.AddSingleton<Reconciler>();
        services.AddSingleton(chain.PriceSources);
        services.AddSingleton<MarginStatusReader>();
        services.AddSingleton<ISettlementAgreement, ReconciliationAgreement>();
        services.AddSingleton<ReturnCalls>();
        services.AddSingleton(new CloseOutOptions(chain.CloseOutAccount));
        services.AddSingleton<CloseOuts>();
        services.AddSingleton<MarginPass>();
        services.AddSingleton<MarginMetrics>();
        services.AddHostedService(sp => new MarginWorker(
            sp.GetRequiredService<MarginPass>(), sp.GetRequiredService<EthClient>(), chain.MarginInterval, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<MarginMetrics>(), sp.GetRequiredService<ILogger<MarginWorker>>()));
        services.AddHostedService<ReconciliationWorker>();

        services.AddSingleton(chain.Settlement with { FinalityDepth = chain.FinalityDepth });
        services.AddSingleton<PerpSettledReader>();
        services.AddSingleton<SettlementCycleRunner>();
        services.AddSingleton<SettlementWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SettlementWorker>());
        return services;
    }
}
