using CustodySettle.Database;
using CustodySettle.Domain.Errors;
using Dapper;
using Npgsql;

namespace CustodySettle.Reconciliation;

/// <summary>
/// Reports, breaks and the break event log on PostgreSQL. A run's breaks, its cleared breaks, their
/// events and the report commit together, serialized across instances, so a watcher never sees a
/// break change that the report does not explain.
/// </summary>
public sealed class PostgresReconciliationStore(NpgsqlDataSource dataSource, BreakFeed feed)
{
    public async Task<ReconciliationReport?> GetReportAsync(Guid reportId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var body = await connection.ExecuteScalarAsync<string>(new CommandDefinition(ReconciliationSql.ReportById, new { ReportId = reportId }, cancellationToken: cancellationToken));
        return body is null ? null : ReconciliationJson.Read<ReconciliationReport>(body);
    }

    public async Task<ReconciliationReport?> GetReportByRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var body = await connection.ExecuteScalarAsync<string>(new CommandDefinition(ReconciliationSql.ReportByRequest, new { RequestId = requestId }, cancellationToken: cancellationToken));
        return body is null ? null : ReconciliationJson.Read<ReconciliationReport>(body);
    }

    public async Task<IReadOnlyList<BreakRecord>> ListBreaksAsync(BreakStatus? status, string? deskId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<BreakRow>(new CommandDefinition(
            ReconciliationSql.ListBreaks, new { Status = status?.ToString().ToLowerInvariant(), DeskId = deskId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>Events after <paramref name="afterSequence"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(long Sequence, BreakRecord Break)>> EventsAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Sequence, string Body)>(new CommandDefinition(
            ReconciliationSql.EventsAfter, new { After = afterSequence, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.Sequence, ReconciliationJson.Read<BreakRecord>(r.Body)))];
    }

    /// <summary>Acknowledges or resolves a break, with who and why; a resolved break stays resolved.</summary>
    /// <exception cref="NotFoundException">No such break.</exception>
    /// <exception cref="InvalidStateException">The break is resolved already, or is being acknowledged twice.</exception>
    public async Task<BreakRecord> TransitionAsync(Guid breakId, BreakStatus to, string actor, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = PostgresTime.ToMicroseconds(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Every writer of break events holds this lock until it commits, so events commit in sequence
        // order and a watcher that has read sequence n can never later see an n-1 appear.
        await connection.ExecuteAsync(new CommandDefinition(ReconciliationSql.Lock, transaction: transaction, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleOrDefaultAsync<BreakRow>(new CommandDefinition(
            ReconciliationSql.BreakById, new { BreakId = breakId }, transaction, cancellationToken: cancellationToken))
            ?? throw new NotFoundException($"break_id: no break {breakId}");
        var current = row.ToRecord();
        if (current.Status == BreakStatus.Resolved || current.Status == to)
        {
            throw new InvalidStateException($"break {breakId} is {current.Status.ToString().ToLowerInvariant()} already");
        }

        var changed = current with { Status = to, Actor = actor, Reason = reason, UpdatedAt = now };
        await connection.ExecuteAsync(new CommandDefinition(ReconciliationSql.UpdateBreak, BreakRow.Parameters(changed, row.BreakKey), transaction, cancellationToken: cancellationToken));
        await AppendEventAsync(connection, transaction, changed, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        feed.Signal();
        return changed;
    }

    /// <summary>
    /// Records a run: each observation opens a break or updates the unresolved one with its key; every
    /// unresolved break not observed is resolved as cleared; the report (with the breaks as they now
    /// stand) is stored under <paramref name="requestId"/>.
    /// </summary>
    internal async Task<ReconciliationReport> SaveRunAsync(ReconciliationReport draft, Guid? requestId, IReadOnlyList<Observation> observations, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ReconciliationSql.Lock, transaction: transaction, cancellationToken: ct));
        var unresolved = (await connection.QueryAsync<BreakRow>(new CommandDefinition(ReconciliationSql.Unresolved, transaction: transaction, cancellationToken: ct)))
            .ToDictionary(r => r.BreakKey, StringComparer.Ordinal);
        var now = draft.FinishedAt;
        var breaks = new List<BreakRecord>();
        foreach (var seen in observations.DistinctBy(o => o.Key))
        {
            if (unresolved.Remove(seen.Key, out var row))
            {
                var before = row.ToRecord();
                var updated = before with { Expected = seen.Expected, Actual = seen.Actual, Evidence = seen.Evidence, LastReportId = draft.ReportId, UpdatedAt = now };
                await connection.ExecuteAsync(new CommandDefinition(ReconciliationSql.UpdateBreak, BreakRow.Parameters(updated, seen.Key), transaction, cancellationToken: ct));
                if (before.Expected != seen.Expected || before.Actual != seen.Actual)
                {
                    await AppendEventAsync(connection, transaction, updated, now, ct);
                }

                breaks.Add(updated);
            }
            else
            {
                var opened = new BreakRecord(Guid.NewGuid(), seen.Type, BreakStatus.Open, seen.DeskId, seen.CustodianId, seen.Asset, seen.Expected, seen.Actual,
                    seen.Evidence, draft.ReportId, draft.ReportId, now, now, string.Empty, string.Empty);
                await connection.ExecuteAsync(new CommandDefinition(ReconciliationSql.InsertBreak, BreakRow.Parameters(opened, seen.Key), transaction, cancellationToken: ct));
                await AppendEventAsync(connection, transaction, opened, now, ct);
                breaks.Add(opened);
            }
        }

        foreach (var (key, row) in unresolved)
        {
            var cleared = row.ToRecord() with
            {
                Status = BreakStatus.Resolved, LastReportId = draft.ReportId, UpdatedAt = now, Actor = "reconciliation",
                Reason = $"no longer observed in report {draft.ReportId}",
            };
            await connection.ExecuteAsync(new CommandDefinition(ReconciliationSql.UpdateBreak, BreakRow.Parameters(cleared, key), transaction, cancellationToken: ct));
            await AppendEventAsync(connection, transaction, cleared, now, ct);
        }

        var report = draft with { Breaks = breaks, Cleared = unresolved.Count };
        await connection.ExecuteAsync(new CommandDefinition(ReconciliationSql.InsertReport, new
        {
            report.ReportId, RequestId = requestId, StartedAt = report.StartedAt.UtcDateTime, FinishedAt = report.FinishedAt.UtcDateTime,
            report.BlockNumber, Body = ReconciliationJson.Write(report),
        }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        feed.Signal();
        return report;
    }

    private static async Task AppendEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BreakRecord record, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            ReconciliationSql.InsertEvent, new { record.BreakId, Body = ReconciliationJson.Write(record), Now = now.UtcDateTime }, transaction, cancellationToken: ct));
}
