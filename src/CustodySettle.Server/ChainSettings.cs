using System.Globalization;

namespace CustodySettle.Server;

/// <summary>
/// Where the chain is and who mints on it. The mirror runs only when all three of the RPC URL, the
/// deployment file and the minter key are set; with none of them the service keeps the ledger alone.
/// </summary>
internal sealed record ChainSettings
{
    /// <summary>The node's JSON-RPC URL (<c>CS_CHAIN_RPC_URL</c>, else the local stack's <c>CS_ANVIL_URL</c>).</summary>
    public required Uri RpcUrl { get; init; }

    /// <summary>The deploy step's JSON (<c>CS_DEPLOYMENT_FILE</c>).</summary>
    public required string DeploymentFile { get; init; }

    /// <summary>The hex private key holding MINTER_ROLE on the custody tokens (<c>CS_MINTER_KEY</c>). Never logged.</summary>
    public required string MinterKey { get; init; }

    /// <summary>forge's output folder (<c>CS_CONTRACTS_OUT</c>; this checkout's contracts/out when unset).</summary>
    public string? ContractsOut { get; init; }

    /// <summary>Blocks on top of a mint or burn before it is final (<c>CS_MIRROR_FINALITY_DEPTH</c>, 24).</summary>
    public int FinalityDepth { get; init; } = 24;

    /// <summary>Time between mirror passes (<c>CS_MIRROR_INTERVAL_MS</c>, 2000).</summary>
    public TimeSpan MirrorInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the margin worker looks for a new block to margin (<c>CS_MARGIN_INTERVAL_MS</c>, 200).</summary>
    public TimeSpan MarginInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Settlement cycles: the asset (<c>CS_SETTLEMENT_ASSET</c>, USDC), the schedule
    /// (<c>CS_SETTLEMENT_INTERVAL_MINUTES</c>, off) and the dispute window
    /// (<c>CS_SETTLEMENT_DISPUTE_WINDOW_SECONDS</c>, 3600); they close at <see cref="FinalityDepth"/>.
    /// </summary>
    public Margin.Settlement.SettlementOptions Settlement { get; init; } = new();

    /// <summary>The venue's subaccount a defaulted desk's positions are closed out against (<c>CS_CLOSEOUT_ACCOUNT</c>); none: no close-out.</summary>
    public System.Numerics.BigInteger? CloseOutAccount { get; init; }

    /// <summary>What prices collateral other than the settlement asset (<c>CS_PRICE_SOURCES</c>, e.g. <c>BTC=PerpAssetBTC</c>).</summary>
    public Margin.Status.CollateralPriceSources PriceSources { get; init; } = Margin.Status.CollateralPriceSources.None;

    /// <summary>The settings, or null when the chain is not configured; throws naming the variable when half-configured or malformed.</summary>
    public static ChainSettings? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var url = Value(configuration, "CS_CHAIN_RPC_URL") ?? Value(configuration, "CS_ANVIL_URL");
        var deployment = Value(configuration, "CS_DEPLOYMENT_FILE");
        var key = Value(configuration, "CS_MINTER_KEY");
        if (url is null || deployment is null || key is null)
        {
            if (key is not null)
            {
                throw new InvalidOperationException("CS_MINTER_KEY is set, so the mirror needs CS_CHAIN_RPC_URL (or CS_ANVIL_URL) and CS_DEPLOYMENT_FILE too");
            }

            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var rpc) || rpc.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException("CS_CHAIN_RPC_URL must be an http:// or https:// URL");
        }

        return new ChainSettings
        {
            RpcUrl = rpc,
            DeploymentFile = deployment,
            MinterKey = key,
            ContractsOut = Value(configuration, "CS_CONTRACTS_OUT"),
            FinalityDepth = Value(configuration, "CS_MIRROR_FINALITY_DEPTH") is { } depth ? Positive(depth, "CS_MIRROR_FINALITY_DEPTH") : 24,
            MirrorInterval = Value(configuration, "CS_MIRROR_INTERVAL_MS") is { } ms
                ? TimeSpan.FromMilliseconds(Positive(ms, "CS_MIRROR_INTERVAL_MS"))
                : TimeSpan.FromSeconds(2),
            MarginInterval = Value(configuration, "CS_MARGIN_INTERVAL_MS") is { } margin
                ? TimeSpan.FromMilliseconds(Positive(margin, "CS_MARGIN_INTERVAL_MS"))
                : TimeSpan.FromMilliseconds(200),
            CloseOutAccount = Value(configuration, "CS_CLOSEOUT_ACCOUNT") is { } account
                ? account.Length <= 78 && System.Numerics.BigInteger.TryParse(account, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id.Sign > 0
                    ? id
                    : throw new InvalidOperationException("CS_CLOSEOUT_ACCOUNT must be a subaccount id (a positive integer)")
                : null,
            PriceSources = Margin.Status.CollateralPriceSources.Parse(Value(configuration, "CS_PRICE_SOURCES"), "CS_PRICE_SOURCES"),
            Settlement = new Margin.Settlement.SettlementOptions
            {
                AssetCode = Value(configuration, "CS_SETTLEMENT_ASSET") ?? "USDC",
                Interval = Value(configuration, "CS_SETTLEMENT_INTERVAL_MINUTES") is { } every and not "off"
                    ? TimeSpan.FromMinutes(Positive(every, "CS_SETTLEMENT_INTERVAL_MINUTES"))
                    : null,
                DisputeWindow = Value(configuration, "CS_SETTLEMENT_DISPUTE_WINDOW_SECONDS") is { } window
                    ? TimeSpan.FromSeconds(Positive(window, "CS_SETTLEMENT_DISPUTE_WINDOW_SECONDS"))
                    : TimeSpan.FromHours(1),
            },
        };
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"chain {RpcUrl.GetLeftPart(UriPartial.Authority)}, deployment {DeploymentFile}, finality {FinalityDepth}";

    private static string? Value(IConfiguration configuration, string name) => configuration[name] is { Length: > 0 } value ? value.Trim() : null;

    private static int Positive(string value, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new InvalidOperationException($"{name} must be a positive integer");
}
