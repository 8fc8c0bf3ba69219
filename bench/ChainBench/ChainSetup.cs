using CustodySettle.Chain.Contracts;

namespace ChainBench;

/// <summary>What every command starts from: the node, the deployment and its bindings.</summary>
internal sealed class ChainSetup : IDisposable
{
    private ChainSetup(BenchRpc rpc, ChainContracts contracts) => (Rpc, Contracts) = (rpc, contracts);

    public BenchRpc Rpc { get; }

    public ChainContracts Contracts { get; }

    public ChainDeployment Deployment => Contracts.Deployment;

    public static async Task<ChainSetup> OpenAsync(BenchOptions options, bool countMethods, CancellationToken ct)
    {
        var deployment = await ChainDeployment.LoadAsync(options.DeploymentFile, ct);
        var artifacts = options.ContractsOut is { } folder ? new ContractArtifacts(folder) : ContractArtifacts.Default;
        var rpc = BenchRpc.Connect(options.RpcUrl, countMethods);
        return new ChainSetup(rpc, new ChainContracts(deployment, artifacts, rpc.Eth));
    }

    public BenchTransactor Owner() => new(Rpc.Eth, Deployment.Deployer);

    public void Dispose() => Rpc.Dispose();
}
