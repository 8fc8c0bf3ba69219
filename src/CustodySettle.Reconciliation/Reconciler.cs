using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Reading;
using CustodySettle.Chain.Rpc;
using CustodySettle.Database;
using CustodySettle.Ledger.Journal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustodySettle.Reconciliation;

/// <summary>
/// One reconciliation: the service's books (ledger, statements, mirror outbox: <see cref="ReconciliationSources"/>)
/// against the chain read at one block through the batched reader (custody tokens' supplies and
/// holders' wallets, every subaccount's owner, the linked subaccounts' collateral, cash, perp position
/// and margin, checked against the service's own margin figure: <see cref="MarginCheck"/>), plus the
/// journal's own verification. Every difference becomes an <see cref="Observation"/>;
/// the store turns them into breaks that live across runs.
/// </summary>
public sealed partial class Reconciler(
    NpgsqlDataSource dataSource, PostgresReconciliationStore store, ChainContracts contracts, BatchedReader reader, JournalVerifier verifier,
    ReconciliationOptions options, ReconciliationMetrics metrics, TimeProvider time, ILogger<Reconciler> logger)
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    /// <summary>Runs now; a retry with the same <paramref name="requestId"/> returns the stored report.</summary>
    public async Task<ReconciliationReport> RunAsync(Guid? requestId, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (requestId is { } id && await store.GetReportByRequestAsync(id, ct) is { } done)
        {
            return done;
        }

        var started = PostgresTime.ToMicroseconds(time.GetUtcNow());
        var books = await new ReconciliationSources(dataSource).ReadAsync(ct);

        // Pass 1 pins the block (the head now) and finds each target's token address.
        var first = new ReadBag();
        first.Add(contracts.Multicall3.GetBlockNumberCall()); // so the pass pins a block even with nothing else to read
        var tokens = books.Targets.Select(t => first.Add(contracts.Factory.TokenForCall(t.Holder, t.CustodianId, t.Asset))).ToList();
        var (block, blockHash) = await first.ReadAsync(reader, BlockTag.Latest, ct);
        var at = BlockTag.At(block);
        var lastAccount = await contracts.SubAccounts.LastAccountIdAsync(at, ct);

        // Pass 2, at the same block: the tokens, every subaccount's owner, the linked subaccounts' figures.
        var second = new ReadBag();
        var chainSides = books.Targets.Select((t, i) => ChainSide.Plan(second, contracts, t, tokens[i]() ?? Address.Zero, books.Subaccounts)).ToList();
        var owners = new List<(BigInteger Id, Func<Address?> Owner)>();
        for (var account = BigInteger.One; account <= lastAccount; account++)
        {
            owners.Add((account, second.Add(contracts.SubAccounts.OwnerOfCall(account))));
        }

        var linked = books.Subaccounts.Select(s => SubaccountSide.Plan(second, contracts, options.PerpName, s.SubaccountId, s.DeskId)).ToList();
        var perps = contracts.PerpNames().Select(contracts.Perp).ToList();
        var marks = perps.Select(p => (p.Address, Mark: second.Add(p.GetPerpPriceCall()))).ToList();
        var margins = books.Subaccounts.Select(s => MarginCheck.Plan(second, contracts, perps, s.SubaccountId, s.DeskId)).ToList();
        await second.ReadAsync(reader, at, ct);

        // Pass 3, at the same block: the collateral parameters the margin checks need.
        var third = new ReadBag();
        margins.ForEach(m => m.PlanCollateral(third, contracts));
        await third.ReadAsync(reader, at, ct);

        var observations = new List<Observation>();
        var evidence = new Evidence(block, blockHash);
        var targets = new List<TargetFigures>();
        foreach (var side in chainSides)
        {
            targets.Add(side.Figures());
            observations.AddRange(side.Compare(evidence));
        }

        observations.AddRange(UnknownSubaccounts(books, owners, linked, evidence));
        var prices = marks.Where(m => m.Mark() is not null).ToDictionary(m => m.Address, m => m.Mark()!.Value.Price);
        observations.AddRange(margins.Select(m => m.Compare(contracts, prices, options.MarginTolerance, evidence)).OfType<Observation>());
        observations.AddRange(StaleStatements(books, started, evidence));
        observations.AddRange(await JournalAsync(evidence, ct));

        var draft = new ReconciliationReport(
            Guid.NewGuid(), started, PostgresTime.ToMicroseconds(time.GetUtcNow()), block, blockHash, targets,
            [.. linked.Select(l => l.Figures(owners))], [], 0);
        var report = await store.SaveRunAsync(draft, requestId, observations, ct);
        Finished(logger, report.ReportId, block, report.Breaks.Count, report.Cleared);
        metrics.Finished(report);
        return report;
    }

    private static IEnumerable<Observation> UnknownSubaccounts(
        ReconciliationSources.Snapshot books, List<(BigInteger Id, Func<Address?> Owner)> owners, List<SubaccountSide> linked, Evidence evidence)
    {
        var known = books.Subaccounts.Select(s => s.SubaccountId).ToHashSet();
        foreach (var (id, owner) in owners)
        {
            if (owner() is { } wallet && books.DeskByWallet.TryGetValue(wallet, out var desk) && !known.Contains(id))
            {
                var subaccount = id.ToString(CultureInfo.InvariantCulture);
                yield return new Observation(BreakType.UnknownSubaccount, desk, string.Empty, string.Empty, subaccount, "linked to a desk", "not linked",
                    evidence with { SubaccountId = subaccount, Detail = $"subaccount {subaccount} is owned by desk {desk}'s wallet {wallet} but not linked to it" });
            }
        }

        foreach (var side in linked)
        {
            var exists = owners.Any(o => o.Id == side.SubaccountId && o.Owner() is not null);
            if (!exists)
            {
                var subaccount = side.SubaccountId.ToString(CultureInfo.InvariantCulture);
                yield return new Observation(BreakType.UnknownSubaccount, side.DeskId, string.Empty, string.Empty, subaccount, "exists on chain", "missing",
                    evidence with { SubaccountId = subaccount, Detail = $"subaccount {subaccount} is linked to desk {side.DeskId} but does not exist on chain" });
            }
        }
    }

    private IEnumerable<Observation> StaleStatements(ReconciliationSources.Snapshot books, DateTimeOffset now, Evidence evidence)
    {
        foreach (var (custodian, latest) in books.Custodians)
        {
            if (latest is null || now - latest.Value > options.StatementStaleness)
            {
                yield return new Observation(BreakType.StaleStatement, string.Empty, custodian, string.Empty, string.Empty,
                    $"a statement as of {(now - options.StatementStaleness).ToString("O", CultureInfo.InvariantCulture)} or later",
                    latest is null ? "none" : latest.Value.ToString("O", CultureInfo.InvariantCulture),
                    evidence with { Detail = $"custodian {custodian} holds collateral; its latest statement is older than {options.StatementStaleness}" });
            }
        }
    }

    private async Task<IEnumerable<Observation>> JournalAsync(Evidence evidence, CancellationToken ct)
    {
        var result = await verifier.VerifyAllAsync(progress: null, ct);
        return result.FirstBreak is not { } broken
            ? []
            : [new Observation(BreakType.JournalTampered, string.Empty, string.Empty, $"ledger {broken.LedgerId}", string.Empty, "an intact hash chain", broken.Kind.ToString(),
                evidence with { JournalSequence = broken.Seq, Detail = broken.Detail })];
    }

    internal static BigInteger ToTokenUnits(BigInteger amount18, int decimals) => decimals >= 18 ? amount18 : amount18 / BigInteger.Pow(10, 18 - decimals);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Reconciliation {ReportId} at block {Block}: {Breaks} breaks observed, {Cleared} cleared")]
    private static partial void Finished(ILogger logger, Guid reportId, long block, int breaks, int cleared);

    internal static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    internal static BigInteger OneE18 => E18;
}
