using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Reading;
using CustodySettle.Chain.Rpc;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Margin;
using CustodySettle.Margin.Terms;
using CustodySettle.Registry;
using Dapper;
using Npgsql;

namespace CustodySettle.Margin.Status;

/// <summary>
/// Computes a desk's margin now: exposure from every perp position of its linked subaccounts, read at
/// one block through the batched reader (size, mark price, unsettled and unrealized cash) at the
/// initial rate; collateral from what the ledger holds for it, at each eligible asset's valuation
/// percentage (the settlement asset counts at par; another asset at the index price of the PerpAsset
/// its <see cref="CollateralPriceSources"/> name, at the same block, or at nothing, saying so when it has
/// none); then the terms' decision. The
/// venue's own getMargin is read alongside, for the comparison reconciliation makes.
/// </summary>
public sealed class MarginStatusReader(
    NpgsqlDataSource dataSource, PostgresCreditTermsStore terms, PostgresRegistry registry, ChainContracts contracts, BatchedReader reader, TimeProvider time,
    CollateralPriceSources? prices = null)
{
    private readonly Dictionary<string, PerpAssetContract> _priceSources = (prices ?? CollateralPriceSources.None).PerpByAsset
        .ToDictionary(p => p.Key, p => contracts.Deployment.Contracts.ContainsKey(p.Value)
            ? contracts.Perp(p.Value)
            : throw new InvalidOperationException($"CS_PRICE_SOURCES: the deployment has no {p.Value} to price {p.Key}"), StringComparer.Ordinal);

    private const string HeldSql = """
        SELECT s.asset_code AS AssetCode, sum(a.credits_posted - a.debits_posted)::text AS Held
        FROM ledger_accounts a JOIN ledger_assets s USING (ledger_id)
        WHERE a.owner_kind = 'desk' AND a.owner_id = @DeskId
        GROUP BY s.asset_code ORDER BY s.asset_code
        """;

    /// <exception cref="NotFoundException">The desk does not exist.</exception>
    /// <exception cref="InvalidStateException">The desk has no credit terms yet.</exception>
    public async Task<DeskMarginStatus> ReadAsync(string deskId, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (!await registry.DeskExistsAsync(deskId, ct))
        {
            throw new NotFoundException($"desk_id: no desk '{deskId}'");
        }

        var now = time.GetUtcNow();
        var deskTerms = await terms.AtAsync(deskId, now, ct) ?? throw new InvalidStateException($"desk '{deskId}' has no credit terms: an operator sets them first");
        var settlement = await registry.GetAssetAsync(deskTerms.SettlementAsset, ct) ?? throw new NotFoundException($"settlement asset '{deskTerms.SettlementAsset}'");
        var subaccounts = await registry.ListSubaccountsAsync(deskId, ct);
        var perps = contracts.Deployment.Contracts.Keys.Where(k => k.StartsWith("PerpAsset", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        var calls = new List<ViewCall>();
        foreach (var link in subaccounts)
        {
            foreach (var perp in perps)
            {
                calls.Add(ViewCall.From(contracts.SubAccounts.GetBalanceCall(link.SubaccountId, contracts.Deployment[perp], BigInteger.Zero)));
                calls.Add(ViewCall.From(contracts.Perp(perp).GetUnsettledAndUnrealizedCashCall(link.SubaccountId)));
            }

            calls.Add(ViewCall.From(contracts.Manager.GetMarginCall(link.SubaccountId, isInitial: true)));
        }

        var read = await reader.ReadAsync(calls, BlockTag.Latest, ct);
        var at = BlockTag.At(read.BlockNumber);
        var marks = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var perp in perps)
        {
            marks[perp] = (await contracts.Perp(perp).GetPerpPriceAsync(at, ct)).Price;
        }

        var positions = new List<PositionFigure>();
        var venue = BigInteger.Zero;
        var next = 0;
        foreach (var link in subaccounts)
        {
            foreach (var perp in perps)
            {
                var size = Value(read.Results[next++], $"{perp} position of subaccount {link.SubaccountId}");
                var unsettled = Value(read.Results[next++], $"{perp} unsettled cash of subaccount {link.SubaccountId}");
                if (!size.IsZero || !unsettled.IsZero)
                {
                    var exposure = new PerpExposure(size, marks[perp], MarginRates.Initial, unsettled);
                    positions.Add(new PositionFigure(link.SubaccountId, perp, size, marks[perp], unsettled, exposure.RequirementIn(settlement.Decimals)));
                }
            }

            venue += Value(read.Results[next++], $"getMargin of subaccount {link.SubaccountId}");
        }

        var collateral = await CollateralAsync(deskId, settlement, now, at, ct);
        var decision = MarginCalculator.Decide(
            positions.Aggregate(BigInteger.Zero, (sum, p) => sum + p.Requirement), collateral.Aggregate(BigInteger.Zero, (sum, c) => sum + c.Value), deskTerms.Terms);
        return new DeskMarginStatus(deskTerms, read.BlockNumber, positions, collateral, decision, venue);
    }

    private async Task<List<CollateralFigure>> CollateralAsync(string deskId, Asset settlement, DateTimeOffset now, BlockTag at, CancellationToken ct)
    {
        var assets = (await registry.ListAssetsAsync(ct)).ToDictionary(a => a.AssetCode, StringComparer.Ordinal);
        var haircuts = (await terms.HaircutsAtAsync(now, ct)).ToDictionary(h => h.AssetCode, h => h.ValuationBps, StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var held = await connection.QueryAsync<(string AssetCode, string Held)>(new CommandDefinition(HeldSql, new { DeskId = deskId }, cancellationToken: ct));
        var figures = new List<CollateralFigure>();
        foreach (var (asset, text) in held)
        {
            var amount = BigInteger.Max(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), BigInteger.Zero);
            if (!haircuts.TryGetValue(asset, out var bps))
            {
                figures.Add(new CollateralFigure(asset, amount, 0, 0, "not eligible: no valuation percentage is set for it"));
            }
            else if (asset == settlement.AssetCode)
            {
                var holding = new CollateralHolding(asset, amount, settlement.Decimals, FixedPoint.One18, bps * BigInteger.Pow(10, 14));
                figures.Add(new CollateralFigure(asset, amount, bps, holding.ValueIn(settlement.Decimals), string.Empty));
            }
            else if (_priceSources.TryGetValue(asset, out var source))
            {
                // A failed price read throws: collateral counted at zero would call the desk for nothing, at a price we did not read.
                var price = await IndexPriceAsync(source, asset, at, ct);
                var holding = new CollateralHolding(asset, amount, assets[asset].Decimals, price, bps * BigInteger.Pow(10, 14));
                figures.Add(new CollateralFigure(asset, amount, bps, holding.ValueIn(settlement.Decimals),
                    string.Create(CultureInfo.InvariantCulture, $"at the index price {price} (18 decimals) of {source.Address}")));
            }
            else
            {
                figures.Add(new CollateralFigure(asset, amount, bps, 0, $"no price source for {asset} in {settlement.AssetCode} (CS_PRICE_SOURCES)"));
            }
        }

        return figures;
    }

    private static async Task<BigInteger> IndexPriceAsync(PerpAssetContract source, string asset, BlockTag at, CancellationToken ct)
    {
        try
        {
            return (await source.GetIndexPriceAsync(at, ct)).Price;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new UnavailableException($"the chain read of {asset}'s index price at {source.Address} failed ({e.Message}); margin is not computed without it", e);
        }
    }

    /// <summary>
    /// One int256 word of a read. A failed read is an error, never zero: a position read as zero would
    /// understate the requirement, in the desk's favour.
    /// </summary>
    internal static BigInteger Value(ViewResult result, string what) =>
        result.Success && result.RpcError is null && result.Data.Length >= 32
            ? new BigInteger(result.Data.Span[..32], isUnsigned: false, isBigEndian: true)
            : throw new UnavailableException($"the chain read of the {what} failed ({result.RpcError?.Message ?? (result.Success ? "short answer" : "reverted")}); margin is not computed without it");
}
