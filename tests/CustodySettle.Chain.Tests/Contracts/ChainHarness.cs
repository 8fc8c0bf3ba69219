using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using CustodySettle.Chain.Tests.Rpc;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

/// <summary>
/// The bindings over a deployed anvil: the client stack (with its HTTP request counter), every
/// contract of the deployment, and anvil's unlocked dev accounts as signers (the deployer, account 0,
/// owns everything and holds the oracle and executor roles; the minter, account 9, holds MINTER_ROLE).
/// </summary>
internal sealed class ChainHarness : IDisposable
{
    public static readonly ContractArtifacts Artifacts = new(RepositoryPaths.Combine("contracts", "out"));

    public static readonly Address DeployerAddress = Address.Parse(AnvilFixture.DevAccount0);
    public static readonly Address MinterAddress = Address.Parse(AnvilFixture.MinterAccount);
    public static readonly Address AliceAddress = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    public static readonly Address BobAddress = Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

    public static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    private string? _snapshot;

    private ChainHarness(AnvilFixture anvil, ChainDeployment deployment, JsonRpcClientOptions? options)
    {
        Anvil = anvil;
        Rpc = TestRpc.Create(anvil.RpcUrl, options: options);
        Contracts = new ChainContracts(deployment, Artifacts, Rpc.Eth);
        Deployer = new RemoteSigner(Rpc.Eth, DeployerAddress);
        Minter = new RemoteSigner(Rpc.Eth, MinterAddress);
        Alice = new RemoteSigner(Rpc.Eth, AliceAddress);
        Bob = new RemoteSigner(Rpc.Eth, BobAddress);
        Confirmer = new TransactionConfirmer(Rpc.Eth, new ReceiptWaiter(Rpc.Eth, pollInterval: TimeSpan.FromMilliseconds(10)));
    }

    public AnvilFixture Anvil { get; }

    public TestRpc Rpc { get; }

    public EthClient Eth => Rpc.Eth;

    public ChainContracts Contracts { get; }

    public ChainDeployment Deployment => Contracts.Deployment;

    public RemoteSigner Deployer { get; }

    public RemoteSigner Minter { get; }

    public RemoteSigner Alice { get; }

    public RemoteSigner Bob { get; }

    public TransactionConfirmer Confirmer { get; }

    public static async Task<ChainHarness> CreateAsync(DeployedAnvilFixture fixture, JsonRpcClientOptions? options = null) =>
        new(fixture.Anvil, await ChainDeployment.LoadAsync(fixture.DeploymentFile, CancellationToken.None), options);

    /// <summary>A harness whose <see cref="StopAsync"/> reverts the chain to the state it started at.</summary>
    public static async Task<ChainHarness> StartAsync(DeployedAnvilFixture fixture)
    {
        var harness = await CreateAsync(fixture);
        harness._snapshot = await fixture.Anvil.SnapshotAsync();
        return harness;
    }

    /// <summary>Reverts to the snapshot <see cref="StartAsync"/> took, and disposes.</summary>
    public async Task StopAsync()
    {
        if (_snapshot is { } snapshot)
        {
            await Anvil.RevertAsync(snapshot);
        }

        Dispose();
    }

    /// <summary>Sends through a binding and waits for a successful receipt (anvil automines).</summary>
    public async Task<TransactionReceipt> MinedAsync(Task<SentTransaction> send, ContractAbi abi) =>
        await Confirmer.ConfirmAsync(await send, abi, 1, CancellationToken.None);

    /// <summary>The head block.</summary>
    public async Task<Block> HeadAsync() => await Eth.GetBlockByNumberAsync(BlockTag.Latest, CancellationToken.None) ?? throw new InvalidOperationException("no head");

    /// <summary>The next block's timestamp (evm_setNextBlockTimestamp), so elapsed time is exact.</summary>
    public Task SetNextTimestampAsync(DateTimeOffset timestamp) =>
        Anvil.RpcAsync("evm_setNextBlockTimestamp", timestamp.ToUnixTimeSeconds());

    /// <summary>Moves time on (evm_increaseTime) and mines a block; returns it.</summary>
    public async Task<Block> WarpAsync(long seconds)
    {
        await Anvil.RpcAsync("evm_increaseTime", seconds);
        await Anvil.RpcAsync("evm_mine");
        return await HeadAsync();
    }

    public void Dispose()
    {
        Deployer.Dispose();
        Alice.Dispose();
        Bob.Dispose();
        Rpc.Dispose();
    }
}
