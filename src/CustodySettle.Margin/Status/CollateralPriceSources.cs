using CustodySettle.Chain.Contracts;
using CustodySettle.Registry;

namespace CustodySettle.Margin.Status;

/// <summary>
/// Where the price of collateral other than the settlement asset comes from: for each asset, the
/// deployment's PerpAsset whose index price (USD per whole unit, 18 decimals) values it, read at the
/// same block as the desk's positions (<c>CS_PRICE_SOURCES</c>, e.g. <c>BTC=PerpAssetBTC,ETH=PerpAssetETH</c>).
/// The settlement asset itself is taken at par: USDC as USD, as the venue's own cash asset counts it.
/// </summary>
public sealed class CollateralPriceSources
{
    public CollateralPriceSources(IReadOnlyDictionary<string, string> perpByAsset)
    {
        ArgumentNullException.ThrowIfNull(perpByAsset);
        PerpByAsset = new Dictionary<string, string>(perpByAsset, StringComparer.Ordinal);
    }

    /// <summary>No asset but the settlement asset is priced.</summary>
    public static CollateralPriceSources None { get; } = new(new Dictionary<string, string>());

    /// <summary>Asset code → the deployment name of the PerpAsset whose index prices it.</summary>
    public IReadOnlyDictionary<string, string> PerpByAsset { get; }

    /// <summary>Parses <c>ASSET=PerpAssetName</c> pairs separated by commas; throws naming <paramref name="setting"/>.</summary>
    public static CollateralPriceSources Parse(string? text, string setting)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts is not [var asset, var perp] || !RegistryIds.IsAssetCode(asset) || !perp.StartsWith(ChainContracts.PerpPrefix, StringComparison.Ordinal) || !map.TryAdd(asset, perp))
            {
                throw new InvalidOperationException($"{setting}: '{pair}' is not ASSET=PerpAssetName (each asset once), as in BTC=PerpAssetBTC");
            }
        }

        return new CollateralPriceSources(map);
    }
}
