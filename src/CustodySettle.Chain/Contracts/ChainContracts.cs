using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// Every binding of one deployment (the JSON <c>scripts/contracts.sh deploy</c> writes; names as in
/// docs/contracts.md, "Deploy"), over one <see cref="EthClient"/>. Custody tokens are created on demand,
/// so they are bound by address with <see cref="CustodyToken"/>.
/// </summary>
public sealed class ChainContracts
{
    /// <summary>How the deployment names perps: this prefix and the market.</summary>
    public const string PerpPrefix = "PerpAsset";

    /// <summary>The deployment's name of the BTC perp.</summary>
    public const string PerpBtcName = "PerpAssetBTC";

    private readonly EthClient _eth;

    public ChainContracts(ChainDeployment deployment, ContractArtifacts artifacts, EthClient eth)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(eth);
        (Deployment, Artifacts, _eth) = (deployment, artifacts, eth);
        SubAccounts = new SubAccountsContract(eth, deployment["SubAccounts"], artifacts.Abi(ContractKind.SubAccounts));
        Cash = new CashAssetContract(eth, deployment["CashAsset"], artifacts.Abi(ContractKind.CashAsset));
        Usdc = new MockUsdcContract(eth, deployment["MockUSDC"], artifacts.Abi(ContractKind.MockUsdc));
        Collateral = new CustodyCollateralAssetContract(eth, deployment["CustodyCollateralAsset"], artifacts.Abi(ContractKind.CustodyCollateralAsset));
        PerpBtc = Perp(PerpBtcName);
        Manager = new StandardManagerContract(eth, deployment["StandardManager"], artifacts.Abi(ContractKind.StandardManager));
        Executor = new TradeExecutorContract(eth, deployment["TradeExecutor"], artifacts.Abi(ContractKind.TradeExecutor));
        Factory = new CustodyTokenFactoryContract(eth, deployment["CustodyTokenFactory"], artifacts.Abi(ContractKind.CustodyTokenFactory));
        Multicall3 = new Multicall3Contract(eth, deployment["Multicall3"], artifacts.Abi(ContractKind.Multicall3));
    }

    public ChainDeployment Deployment { get; }

    public ContractArtifacts Artifacts { get; }

    public SubAccountsContract SubAccounts { get; }

    public CashAssetContract Cash { get; }

    public MockUsdcContract Usdc { get; }

    public CustodyCollateralAssetContract Collateral { get; }

    public PerpAssetContract PerpBtc { get; }

    public StandardManagerContract Manager { get; }

    public TradeExecutorContract Executor { get; }

    public CustodyTokenFactoryContract Factory { get; }

    public Multicall3Contract Multicall3 { get; }

    /// <summary>The perp the deployment names <paramref name="deploymentName"/> (e.g. "PerpAssetBTC").</summary>
    public PerpAssetContract Perp(string deploymentName) =>
        new(_eth, Deployment[deploymentName], Artifacts.Abi(ContractKind.PerpAsset));

    /// <summary>
    /// The deployment's names of every perp ("PerpAsset" and a market, e.g. "PerpAssetBTC"), in ordinal
    /// order: the order margin and reconciliation read them in.
    /// </summary>
    public IReadOnlyList<string> PerpNames() =>
        [.. Deployment.Contracts.Keys.Where(k => k.StartsWith(PerpPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>The perp at <paramref name="perp"/>.</summary>
    public PerpAssetContract Perp(Address perp) => new(_eth, perp, Artifacts.Abi(ContractKind.PerpAsset));

    /// <summary>The custody token at <paramref name="token"/> (from CustodyTokenCreated or tokenFor).</summary>
    public CustodyTokenContract CustodyToken(Address token) => new(_eth, token, Artifacts.Abi(ContractKind.CustodyToken));

    /// <summary>What each deployed address is: every name of the deployment this layer binds (perps by their "PerpAsset" prefix).</summary>
    public IReadOnlyDictionary<Address, ContractKind> KnownAddresses()
    {
        var known = new Dictionary<Address, ContractKind>();
        foreach (var (name, address) in Deployment.Contracts)
        {
            ContractKind? kind = name switch
            {
                "MockUSDC" => ContractKind.MockUsdc,
                _ when name.StartsWith(PerpPrefix, StringComparison.Ordinal) => ContractKind.PerpAsset,
                _ => Enum.TryParse<ContractKind>(name, out var parsed) ? parsed : null,
            };
            if (kind is { } k && k != ContractKind.CustodyToken)
            {
                known[address] = k;
            }
        }

        return known;
    }

    /// <summary>A decoder for this deployment's logs (custody tokens are learnt from the factory's CustodyTokenCreated).</summary>
    public ContractEventDecoder CreateEventDecoder() => new(Artifacts, KnownAddresses());
}
