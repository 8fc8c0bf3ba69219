using CustodySettle.Database;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Registry;
using Npgsql;

namespace CustodySettle.Custody.Statements;

/// <summary>
/// Brings the ledger to a custodian's balance statement, line by line: each desk's holding of each asset
/// at the custodian is compared with the statement and the difference moved between the desk's
/// available account and the custodian's omnibus account. Crash-safe and idempotent: the statement and
/// the transfers it needs are stored first (their ids derived from the statement), then submitted, then
/// their outcomes recorded; a retry of a statement left planned submits the same transfers again and the
/// ledger applies each once. One custodian's reports run one at a time (<see cref="CustodianLock"/>).
/// </summary>
public sealed class StatementProcessor(
    NpgsqlDataSource dataSource, PostgresStatementStore store, PostgresRegistry registry, CustodyAccounts accounts, ILedgerWriter ledger, TimeProvider time)
{
    /// <exception cref="NotFoundException">The custodian, a desk or an asset does not exist.</exception>
    /// <exception cref="ConflictException">The statement id was used for another payload.</exception>
    public async Task<StatementResult> ReportAsync(StatementReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var hash = StatementHash.Of(report);
        await using var held = await CustodianLock.AcquireAsync(dataSource, report.CustodianId, cancellationToken);
        if (await store.GetWithHashAsync(report.CustodianId, report.StatementId, cancellationToken) is { } existing)
        {
            if (!existing.RequestHash.AsSpan().SequenceEqual(hash))
            {
                var field = StatementDifference.FirstField(existing.Result, report);
                throw new ConflictException($"statement {report.StatementId} was reported already with another {field}", field);
            }

            return existing.Result.Applied ? existing.Result : await ApplyAsync(existing.Result, cancellationToken);
        }

        var planned = await PlanAsync(report, cancellationToken);
        var receivedAt = PostgresTime.ToMicroseconds(time.GetUtcNow());
        await store.InsertPlannedAsync(report, hash, receivedAt, planned, cancellationToken);
        // Answered as stored, so the first answer and every later fetch of it are identical.
        var statement = new StatementResult(report.CustodianId, report.StatementId, PostgresTime.ToMicroseconds(report.AsOf), receivedAt, Applied: false, planned);
        return await ApplyAsync(statement, cancellationToken);
    }

    private async Task<List<StatementLineResult>> PlanAsync(StatementReport report, CancellationToken ct)
    {
        if (!await registry.CustodianExistsAsync(report.CustodianId, ct))
        {
            throw new NotFoundException($"custodian_id: no custodian '{report.CustodianId}'");
        }

        var assets = (await registry.ListAssetsAsync(ct)).ToDictionary(a => a.AssetCode, StringComparer.Ordinal);
        var latest = await store.LatestAppliedAsOfAsync(report.CustodianId, ct);
        var lines = new List<StatementLineResult>(report.Lines.Count);
        for (var i = 0; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i];
            var asset = assets.GetValueOrDefault(line.AssetCode) ?? throw new NotFoundException($"lines[{i}].asset: no asset '{line.AssetCode}'");
            if (!await registry.DeskExistsAsync(line.DeskId, ct))
            {
                throw new NotFoundException($"lines[{i}].desk_id: no desk '{line.DeskId}'");
            }

            var before = await store.HeldByDeskAsync(asset.LedgerId, line.DeskId, report.CustodianId, ct);
            var delta = line.Balance - before;
            var (effect, transferId, detail) = (latest is { } applied && report.AsOf < applied, delta.IsZero) switch
            {
                (true, _) => (LineEffect.Superseded, (Guid?)null, $"a statement as of {latest:O} was applied already"),
                (false, true) => (LineEffect.Unchanged, null, "the ledger holds the statement's balance"),
                _ => (LineEffect.Pending, CustodyIds.StatementLine(report.CustodianId, report.StatementId, i), string.Empty),
            };
            lines.Add(new StatementLineResult(i, line, asset.LedgerId, before, effect == LineEffect.Superseded ? 0 : delta, effect, transferId, null, detail));
        }

        return lines;
    }

    private async Task<StatementResult> ApplyAsync(StatementResult statement, CancellationToken ct)
    {
        var pending = statement.Lines.Where(l => l.Effect == LineEffect.Pending).ToList();
        var requests = new List<TransferRequest>(pending.Count);
        foreach (var line in pending)
        {
            var available = await accounts.AvailableAsync(line.LedgerId, line.Line.DeskId, statement.CustodianId, ct);
            var omnibus = await accounts.OmnibusAsync(line.LedgerId, statement.CustodianId, ct);
            var (debit, credit) = line.Delta.Sign > 0 ? (omnibus.Id, available.Id) : (available.Id, omnibus.Id);
            requests.Add(new TransferRequest(
                line.TransferId!.Value, line.LedgerId, debit, credit, new Amount(System.Numerics.BigInteger.Abs(line.Delta)),
                Reference: $"statement {statement.StatementId} line {line.LineNo}"));
        }

        var outcomes = requests.Count == 0 ? [] : await ledger.SubmitAsync(requests, ct);
        var completed = statement.Lines.ToList();
        for (var i = 0; i < pending.Count; i++)
        {
            var line = pending[i];
            var outcome = outcomes[i];
            completed[line.LineNo] = outcome.Result == TransferResult.Ok
                ? line with { Effect = line.Delta.Sign > 0 ? LineEffect.Credited : LineEffect.Debited, JournalSeq = outcome.JournalSeq, Detail = string.Empty }
                : line with { Effect = LineEffect.Rejected, Detail = RejectionDetail(outcome.Result) };
        }

        await store.CompleteAsync(statement.CustodianId, statement.StatementId, completed, ct);
        return statement with { Applied = true, Lines = completed };
    }

    private static string RejectionDetail(TransferResult result) => result switch
    {
        TransferResult.ExceedsCredits => "the new balance is below what the desk has locked or pending at this custodian",
        TransferResult.DebitAccountClosed or TransferResult.CreditAccountClosed => "the desk's account at this custodian is closed",
        _ => $"the ledger refused the change ({result})",
    };
}
