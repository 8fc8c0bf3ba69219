using System.Globalization;
using System.Numerics;
using CustodySettle.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace MarginBench;

/// <summary>
/// Sets the run up (not timed): the seeded long subaccounts become desks with credit terms, their
/// exposure at the start price is read from GetMarginStatus, and each gets the MTA and collateral
/// (one custodian statement) that make exactly price move k+1 call desk k. With a falling price a long's
/// exposure grows by |size| x step x (1 - 0.066) per move; the MTA is 2,000 such steps, so a called
/// desk's call is not raised again within the run, and the collateral is start exposure + (k + 0.5)
/// steps - MTA. Funding is off (static interest rate 0, mark = index).
/// </summary>
internal sealed record DeskBook(IReadOnlyList<BenchDesk> Desks, BigInteger StartPrice)
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);
    private static readonly BigInteger Rate = 66 * BigInteger.Pow(10, 15);

    public static async Task<DeskBook> SetUpAsync(BenchApi api, BenchChain chain, string accountsFile, int count, int stepUsd, string database, CancellationToken ct)
    {
        var longs = (await File.ReadAllLinesAsync(accountsFile, ct)).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Where(f => int.Parse(f[0], CultureInfo.InvariantCulture) % 2 == 0).Take(count)
            .Select((f, k) => (Order: k, DeskId: $"d{k:D4}", Account: BigInteger.Parse(f[1], CultureInfo.InvariantCulture), Holder: f[2])).ToList();
        if (longs.Count < count)
        {
            throw new InvalidOperationException($"{accountsFile} has {longs.Count} long subaccounts; the run needs {count} (seed twice as many)");
        }

        var c = chain.Contracts;
        await chain.MinedAsync(c.PerpBtc.SetStaticInterestRateAsync(chain.Owner, BigInteger.Zero, ct), ct);
        var price = (await c.PerpBtc.GetPerpPriceAsync(CustodySettle.Chain.Rpc.BlockTag.Latest, ct)).Price;
        await chain.SetPriceAsync(price, ct);

        await api.CallAsync<CreateAssetRequest, Asset>(BenchApi.Admin, "CreateAsset", new() { AssetCode = "USDC", Decimals = 6 });
        await api.CallAsync<CreateCustodianRequest, Custodian>(BenchApi.Admin, "CreateCustodian", new() { CustodianId = "vault", DisplayName = "Vault" });
        await api.CallAsync<SetHaircutRequest, Haircut>(BenchApi.Admin, "SetHaircut", new() { RequestId = Guid.NewGuid().ToString(), Asset = "USDC", ValuationBps = 10_000 });
        var custodianKey = (await api.CallAsync<CreateApiKeyRequest, CreateApiKeyResponse>(BenchApi.Admin, "CreateApiKey",
            new() { RequestId = Guid.NewGuid().ToString(), Role = Role.Custodian, ScopeId = "vault", Label = "bench custodian" })).Secret;

        // No call can come before the real terms: an MTA no shortfall reaches.
        await ForEachAsync(longs, async d =>
        {
            await api.CallAsync<CreateDeskRequest, Desk>(BenchApi.Admin, "CreateDesk", new() { DeskId = d.DeskId, DisplayName = d.DeskId, WalletAddress = d.Holder });
            await api.CallAsync<LinkSubaccountRequest, SubaccountLink>(BenchApi.Admin, "LinkSubaccount", new() { SubaccountId = Text(d.Account), DeskId = d.DeskId });
            await SetTermsAsync(api, d.DeskId, BigInteger.Pow(10, 30));
        });

        var desks = new BenchDesk[longs.Count];
        await ForEachAsync(longs, async d =>
        {
            var status = await api.CallAsync<GetMarginStatusRequest, MarginStatus>(BenchApi.Margin, "GetMarginStatus", new() { DeskId = d.DeskId });
            var size = BigInteger.Parse(status.Positions.Single().Size, CultureInfo.InvariantCulture);
            var exposure = BigInteger.Parse(status.Exposure, CultureInfo.InvariantCulture);
            // |size| x step x (1 - rate), 18 decimals x 3, in USDC units (10^-6 USD).
            var growth = BigInteger.Abs(size) * stepUsd * E18 * (E18 - Rate) / (E18 * E18 * BigInteger.Pow(10, 12));
            var mta = 2_000 * growth;
            var collateral = exposure + (((2 * d.Order) + 1) * growth / 2) - mta;
            if (size.Sign <= 0 || growth.Sign <= 0 || collateral.Sign <= 0)
            {
                throw new InvalidOperationException($"desk {d.DeskId}: size {size}, growth {growth}, collateral {collateral}: not a long this run can use");
            }

            desks[d.Order] = new BenchDesk(d.Order, d.DeskId, d.Account, exposure, growth, mta, collateral);
        });

        // The collateral first, then the real MTAs: the other way round a pass in between would call every desk.
        var statement = new ReportBalancesRequest { StatementId = "bench-1", AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        statement.Lines.AddRange(desks.Select(d => new StatementLine { DeskId = d.DeskId, Asset = "USDC", Balance = Text(d.Collateral) }));
        await chain.IntervalMiningAsync(on: true, ct);
        await api.CallAsync<ReportBalancesRequest, Statement>(BenchApi.Custodian, "ReportBalances", statement, custodianKey);
        await MirrorSettledAsync(chain, database, ct);
        await chain.IntervalMiningAsync(on: false, ct); // the measured moves: each price in its own block at once
        await ForEachAsync(desks, d => SetTermsAsync(api, d.DeskId, d.MinimumTransfer));

        await Task.Delay(TimeSpan.FromSeconds(2), ct); // a few passes on the final books
        var calls = await api.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(BenchApi.Margin, "ListMarginCalls", new());
        if (calls.Calls.Count > 0)
        {
            throw new InvalidOperationException($"{calls.Calls.Count} calls before the first price move (first: {calls.Calls[0].DeskId} {calls.Calls[0].Kind} {calls.Calls[0].Amount})");
        }

        return new DeskBook(desks, price);
    }

    private static Task<CreditTerms> SetTermsAsync(BenchApi api, string deskId, BigInteger mta) =>
        api.CallAsync<SetCreditTermsRequest, CreditTerms>(BenchApi.Admin, "SetCreditTerms", new()
        {
            RequestId = Guid.NewGuid().ToString(),
            Terms = new CreditTerms
            {
                DeskId = deskId, SettlementAsset = "USDC", IndependentAmount = "0", Threshold = "0", MinimumTransferAmount = Text(mta), RoundingUnit = "1",
                DeliveryDeadline = Duration.FromTimeSpan(TimeSpan.FromHours(24)), CurePeriod = Duration.FromTimeSpan(TimeSpan.FromHours(24)),
            },
        });

    /// <summary>Until the mirror has minted every desk's custody tokens: its transactions would otherwise share the chain with the run's.</summary>
    private static async Task MirrorSettledAsync(BenchChain chain, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(15);
        var quietSince = (DateTimeOffset?)null;
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FILTER (WHERE status IN ('planned', 'sent')), count(*) FROM mirror_operations", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var (open, all) = (reader.GetInt64(0), reader.GetInt64(1));
            quietSince = open == 0 && all > 0 ? quietSince ?? DateTimeOffset.UtcNow : null;
            if (quietSince is { } since && DateTimeOffset.UtcNow - since > TimeSpan.FromSeconds(3))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"the mirror still has {open} of {all} operations open after 15 minutes");
            }

            await chain.MineAsync(ct); // the mirror finalizes at depth 1
            await Task.Delay(500, ct);
        }
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> action) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) => await action(item));

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
