using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using CustodySettle.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The deployed contracts on a test anvil as a test sees them: bindings, the deployer (owner, oracle and
/// executor: the test's venue steps) and a desk wallet, both anvil dev accounts, and the key the service
/// mints with, of an account of its own (<see cref="AnvilFixture.MinterAccount"/>).
/// </summary>
internal sealed class ChainStack : IDisposable
{
    /// <summary>The service's minter key: no test sends from its account, so the service's signer has its nonces to itself.</summary>
    public const string MinterKey = AnvilFixture.MinterKey;

    /// <summary>anvil's second dev account: a desk's wallet.</summary>
    public static readonly Address DeskWallet = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    private readonly HttpClient _http = new();

    private ChainStack(DeployedAnvilFixture fixture, ChainDeployment deployment)
    {
        Fixture = fixture;
        Rpc = new JsonRpcClient(_http, fixture.Anvil.RpcUrl, new JsonRpcClientOptions(), TimeProvider.System, NullLogger<JsonRpcClient>.Instance);
        Eth = new EthClient(Rpc);
        Contracts = new ChainContracts(deployment, new ContractArtifacts(RepositoryPaths.Combine("contracts", "out")), Eth);
        Deployer = new RemoteSigner(Eth, Address.Parse(AnvilFixture.DevAccount0));
        Desk = new RemoteSigner(Eth, DeskWallet);
        RogueMinter = new RemoteSigner(Eth, Address.Parse(AnvilFixture.MinterAccount));
    }

    public DeployedAnvilFixture Fixture { get; }

    public JsonRpcClient Rpc { get; }

    public EthClient Eth { get; }

    public ChainContracts Contracts { get; }

    public RemoteSigner Deployer { get; }

    public RemoteSigner Desk { get; }

    /// <summary>
    /// The minter's account sending behind the service's back (anvil holds its key too): only while the
    /// mirror is idle, or the two would race for its nonces.
    /// </summary>
    public RemoteSigner RogueMinter { get; }

    public static async Task<ChainStack> CreateAsync(DeployedAnvilFixture fixture) =>
        new(fixture, await ChainDeployment.LoadAsync(fixture.DeploymentFile, CancellationToken.None));

    /// <summary>The service's chain settings for this anvil.</summary>
    public ChainSettings Settings(int finalityDepth = 1, TimeSpan? interval = null) => new()
    {
        RpcUrl = Fixture.Anvil.RpcUrl,
        DeploymentFile = Fixture.DeploymentFile,
        MinterKey = MinterKey,
        ContractsOut = RepositoryPaths.Combine("contracts", "out"),
        FinalityDepth = finalityDepth,
        MirrorInterval = interval ?? TimeSpan.FromMilliseconds(200),
        // The margin worker stays out of the tests' way: they run passes themselves.
        MarginInterval = TimeSpan.FromHours(1),
    };

    public async Task<Address> TokenAsync(string custodianId, string asset) =>
        await Contracts.Factory.TokenForAsync(DeskWallet, custodianId, asset, BlockTag.Latest, CancellationToken.None);

    public async Task<BigInteger> SupplyAsync(string custodianId, string asset)
    {
        var token = await TokenAsync(custodianId, asset);
        return (await Eth.GetCodeAsync(token, BlockTag.Latest, CancellationToken.None)).Length == 0
            ? BigInteger.Zero
            : await Contracts.CustodyToken(token).TotalSupplyAsync(BlockTag.Latest, CancellationToken.None);
    }

    public void Dispose()
    {
        Rpc.Dispose();
        _http.Dispose();
    }
}
