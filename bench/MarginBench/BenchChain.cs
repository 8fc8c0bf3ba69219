using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using CustodySettle.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarginBench;

/// <summary>The bench's side of the chain: the deployment's bindings and its owner, who sets the BTC perp's prices.</summary>
internal sealed class BenchChain : IDisposable
{
    /// <summary>
    /// anvil's dev key 9 (public knowledge): the custody tokens' minter, which bench/margin/run.sh deploys
    /// with. Not the owner's (dev account 0): the bench sends prices as the owner while the service mints,
    /// and two senders of one key replace each other's transactions in anvil's pool.
    /// </summary>
    public const string MinterKey = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    private readonly HttpClient _http = new();
    private readonly JsonRpcClient _rpc;

    private BenchChain(Uri rpcUrl, ChainDeployment deployment, ContractArtifacts artifacts)
    {
        _rpc = new JsonRpcClient(_http, rpcUrl, new JsonRpcClientOptions(), TimeProvider.System, NullLogger<JsonRpcClient>.Instance);
        Eth = new EthClient(_rpc);
        Contracts = new ChainContracts(deployment, artifacts, Eth);
        Owner = new RemoteSigner(Eth, deployment.Deployer);
    }

    public EthClient Eth { get; }

    public ChainContracts Contracts { get; }

    public RemoteSigner Owner { get; }

    public static async Task<BenchChain> OpenAsync(ChainSettings chain, CancellationToken ct) =>
        new(chain.RpcUrl, await ChainDeployment.LoadAsync(chain.DeploymentFile, ct), new ContractArtifacts(chain.ContractsOut!));

    /// <summary>Sends and returns once the transaction is mined.</summary>
    public async Task MinedAsync(Task<SentTransaction> send, CancellationToken ct)
    {
        var sent = await send;
        while (await Eth.GetTransactionReceiptAsync(sent.Hash, ct) is null)
        {
            await Task.Delay(1, ct);
        }
    }

    /// <summary>
    /// Mines a block every second with every pending transaction in it (true), or each transaction at
    /// once in its own block (false, anvil's default). The mirror's thousand mints then take a few dozen
    /// blocks instead of two thousand: anvil writes each block's state to disk once it leaves memory.
    /// </summary>
    public async Task IntervalMiningAsync(bool on, CancellationToken ct)
    {
        // In this order both ways: anvil's evm_setIntervalMining(0) stops mining, whatever automine was.
        if (on)
        {
            await _rpc.CallAsync(JsonRpcRequest.Create("evm_setAutomine", (System.Text.Json.Nodes.JsonNode)false), ct);
            await _rpc.CallAsync(JsonRpcRequest.Create("evm_setIntervalMining", (System.Text.Json.Nodes.JsonNode)1), ct);
        }
        else
        {
            await _rpc.CallAsync(JsonRpcRequest.Create("evm_setIntervalMining", (System.Text.Json.Nodes.JsonNode)0), ct);
            await _rpc.CallAsync(JsonRpcRequest.Create("evm_setAutomine", (System.Text.Json.Nodes.JsonNode)true), ct);
        }
    }

    /// <summary>An empty block, so what waits for a confirmation depth sees one.</summary>
    public Task MineAsync(CancellationToken ct) => _rpc.CallAsync(JsonRpcRequest.Create("evm_mine"), ct);

    /// <summary>Sets the BTC perp's mark and index to <paramref name="price"/> (18 decimals: no premium, so no funding); returns once mined.</summary>
    public Task SetPriceAsync(BigInteger price, CancellationToken ct) => MinedAsync(Contracts.PerpBtc.SetPricesAsync(Owner, price, price, ct), ct);

    public void Dispose()
    {
        Owner.Dispose();
        _rpc.Dispose();
        _http.Dispose();
    }
}
