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
/// none); then the terms' decision. A single desk's status also reads the venue's own getMargin
/// alongside, for the desk to compare; the margin pass over every desk does not, because the pass
/// never uses it and getMargin is the dearest read of the batch (reconciliation's check reads it itself).
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
        SELECT a.owner_id AS DeskId, s.asset_code AS AssetCode, sum(a.credits_posted - a.debits_posted)::text AS Held
        FROM ledger_accounts a JOIN ledger_assets s USING (ledger_id)
        WHERE a.owner_kind = 'desk' AND a.owner_id = ANY(@DeskIds)
        GROUP BY a.owner_id, s.asset_code ORDER BY a.owner_id, s.asset_code
        """;

    /// <exception cref="NotFoundException">The desk does not exist.</exception>
    /// <exception cref="InvalidStateException">The desk has no credit terms yet.</exception>
    /// <exception cref="UnavailableException">A chain read failed.</exception>
    public async Task<DeskMarginStatus> ReadAsync(string deskId, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (!await registry.DeskExistsAsync(deskId, ct))
        {
            throw new NotFoundException($"desk_id: no desk '{deskId}'");
        }

        var now = time.GetUtcNow();
        var deskTerms = await terms.AtAsync(deskId, now, ct) ?? throw new InvalidStateException($"desk '{deskId}' has no credit terms: an operator sets them first");
        var desks = new Dictionary<string, DeskTerms>(StringComparer.Ordinal) { [deskId] = deskTerms };
        var read = (await ReadManyAsync(desks, now, includeVenue: true, ct))[deskId];
        return read.Status ?? throw read.Error!;
    }

    /// <summary>
    /// Every desk with credit terms, in one go: the books in a few queries and every position of every
    /// desk in one batched read at one block (what the margin pass needs on each block), without the
    /// venue's getMargin (<see cref="DeskMarginStatus.VenueInitialMargin"/> is null). A desk whose
    /// figures could not be read has an <see cref="DeskRead.Error"/> instead; the others are unaffected.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DeskRead>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await ReadManyAsync(await terms.AllAtAsync(now, cancellationToken), now, includeVenue: false, cancellationToken);
    }

    private async Task<Dictionary<string, DeskRead>> ReadManyAsync(
        IReadOnlyDictionary<string, DeskTerms> desks, DateTimeOffset now, bool includeVenue, CancellationToken ct)
    {
        var assets = (await registry.ListAssetsAsync(ct)).ToDictionary(a => a.AssetCode, StringComparer.Ordinal);
        var links = (await registry.ListSubaccountsAsync(null, ct)).Where(l => desks.ContainsKey(l.DeskId))
            .GroupBy(l => l.DeskId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var haircuts = (await terms.HaircutsAtAsync(now, ct)).ToDictionary(h => h.AssetCode, h => h.ValuationBps, StringComparer.Ordinal);
        var held = await HeldAsync([.. desks.Keys], ct);

        // One batch at one block: each perp's mark, each priced asset's index, then per desk and subaccount
        // every perp's position and unsettled cash, and the venue's getMargin when asked for.
        var perps = contracts.PerpNames().ToList();
        var markReads = perps.Select(p => contracts.Perp(p).GetPerpPriceCall()).ToList();
        var indexReads = _priceSources.Select(p => (Asset: p.Key, Read: p.Value.GetIndexPriceCall(), p.Value.Address)).ToList();
        var calls = new List<ViewCall>();
        calls.AddRange(markReads.Select(ViewCall.From));
        calls.AddRange(indexReads.Select(r => ViewCall.From(r.Read)));
        var order = desks.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var deskId in order)
        {
            foreach (var link in links.GetValueOrDefault(deskId) ?? [])
            {
                foreach (var perp in perps)
                {
                    calls.Add(ViewCall.From(contracts.SubAccounts.GetBalanceCall(link.SubaccountId, contracts.Deployment[perp], BigInteger.Zero)));
                    calls.Add(ViewCall.From(contracts.Perp(perp).GetUnsettledAndUnrealizedCashCall(link.SubaccountId)));
                }

                if (includeVenue)
                {
                    calls.Add(ViewCall.From(contracts.Manager.GetMarginCall(link.SubaccountId, isInitial: true)));
                }
            }
        }

        var read = await reader.ReadAsync(calls, BlockTag.Latest, ct);
        var next = 0;
        var marks = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, (BigInteger Price, Chain.Primitives.Address Source)>(StringComparer.Ordinal);
        Exception? sharedFailure = null;
        foreach (var (perp, markRead) in perps.Zip(markReads))
        {
            var result = read.Results[next++];
            if (Decoded(result, markRead) is { } mark)
            {
                marks[perp] = mark.Price;
            }
            else
            {
                sharedFailure ??= new UnavailableException($"the chain read of {perp}'s mark price failed; margin is not computed without it");
            }
        }

        foreach (var (asset, indexRead, source) in indexReads)
        {
            if (Decoded(read.Results[next++], indexRead) is { } index)
            {
                indexes[asset] = (index.Price, source);
            }
        }

        var priced = _priceSources.Keys.ToHashSet(StringComparer.Ordinal);
        var statuses = new Dictionary<string, DeskRead>(StringComparer.Ordinal);
        foreach (var deskId in order)
        {
            var deskLinks = links.GetValueOrDefault(deskId) ?? [];
            var results = read.Results.Skip(next).Take(deskLinks.Count * ((perps.Count * 2) + (includeVenue ? 1 : 0))).ToList();
            next += results.Count;
            try
            {
                if (sharedFailure is not null)
                {
                    throw sharedFailure;
                }

                var deskTerms = desks[deskId];
                var settlement = assets.GetValueOrDefault(deskTerms.SettlementAsset) ?? throw new NotFoundException($"settlement asset '{deskTerms.SettlementAsset}'");
                var (positions, venue) = Positions(deskLinks, perps, results, marks, settlement.Decimals, includeVenue);
                var collateral = Collateral(held.GetValueOrDefault(deskId) ?? [], settlement, assets, haircuts, indexes, priced);
                var decision = MarginCalculator.Decide(
                    positions.Aggregate(BigInteger.Zero, (sum, p) => sum + p.Requirement), collateral.Aggregate(BigInteger.Zero, (sum, c) => sum + c.Value), deskTerms.Terms);
                statuses[deskId] = new DeskRead(new DeskMarginStatus(deskTerms, read.BlockNumber, positions, collateral, decision, venue), null);
            }
            catch (Exception e) when (e is UnavailableException or NotFoundException)
            {
                statuses[deskId] = new DeskRead(null, e);
            }
        }

        return statuses;
    }

    private static (List<PositionFigure> Positions, BigInteger? Venue) Positions(
        List<SubaccountLink> links, List<string> perps, List<ViewResult> results, Dictionary<string, BigInteger> marks, int decimals, bool includeVenue)
    {
        var positions = new List<PositionFigure>();
        BigInteger? venue = includeVenue ? BigInteger.Zero : null;
        var next = 0;
        foreach (var link in links)
        {
            foreach (var perp in perps)
            {
                var size = Value(results[next++], $"{perp} position of subaccount {link.SubaccountId}");
                var unsettled = Value(results[next++], $"{perp} unsettled cash of subaccount {link.SubaccountId}");
                if (!size.IsZero || !unsettled.IsZero)
                {
                    var exposure = new PerpExposure(size, marks[perp], MarginRates.Initial, unsettled);
                    positions.Add(new PositionFigure(link.SubaccountId, perp, size, marks[perp], unsettled, exposure.RequirementIn(decimals)));
                }
            }

            if (includeVenue)
            {
                venue += Value(results[next++], $"getMargin of subaccount {link.SubaccountId}");
            }
        }

        return (positions, venue);
    }

    private static List<CollateralFigure> Collateral(
        List<(string AssetCode, BigInteger Held)> held, Asset settlement, Dictionary<string, Asset> assets, Dictionary<string, int> haircuts,
        Dictionary<string, (BigInteger Price, Chain.Primitives.Address Source)> indexes, HashSet<string> priced)
    {
        var figures = new List<CollateralFigure>();
        foreach (var (asset, amount) in held)
        {
            if (!haircuts.TryGetValue(asset, out var bps))
            {
                figures.Add(new CollateralFigure(asset, amount, 0, 0, "not eligible: no valuation percentage is set for it"));
            }
            else if (asset == settlement.AssetCode)
            {
                var holding = new CollateralHolding(asset, amount, settlement.Decimals, FixedPoint.One18, bps * BigInteger.Pow(10, 14));
                figures.Add(new CollateralFigure(asset, amount, bps, holding.ValueIn(settlement.Decimals), string.Empty));
            }
            else if (indexes.TryGetValue(asset, out var index))
            {
                var holding = new CollateralHolding(asset, amount, assets[asset].Decimals, index.Price, bps * BigInteger.Pow(10, 14));
                figures.Add(new CollateralFigure(asset, amount, bps, holding.ValueIn(settlement.Decimals),
                    string.Create(CultureInfo.InvariantCulture, $"at the index price {index.Price} (18 decimals) of {index.Source}")));
            }
            else if (priced.Contains(asset))
            {
                // Its price read failed: collateral counted at zero would call the desk for nothing, at a price we did not read.
                throw new UnavailableException($"the chain read of {asset}'s index price failed; margin is not computed without it");
            }
            else
            {
                figures.Add(new CollateralFigure(asset, amount, bps, 0, $"no price source for {asset} in {settlement.AssetCode} (CS_PRICE_SOURCES)"));
            }
        }

        return figures;
    }

    private async Task<Dictionary<string, List<(string AssetCode, BigInteger Held)>>> HeldAsync(string[] deskIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string DeskId, string AssetCode, string Held)>(new CommandDefinition(HeldSql, new { DeskIds = deskIds }, cancellationToken: ct));
        return rows.GroupBy(r => r.DeskId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Select(r => (r.AssetCode, BigInteger.Max(BigInteger.Parse(r.Held, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), BigInteger.Zero))).ToList(),
            StringComparer.Ordinal);
    }

    private static T? Decoded<T>(ViewResult result, ContractRead<T> read)
        where T : struct
    {
        try
        {
            return result.Success && result.RpcError is null ? read.Decode(result.Data) : null;
        }
        catch (Chain.Abi.AbiDecodingException)
        {
            return null;
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
