using System.Numerics;
using System.Globalization;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Margin;
using CustodySettle.Margin.Holdings;
using Dapper;
using Npgsql;

namespace CustodySettle.Margin.Calls;

/// <summary>
/// Margin calls and their transitions on PostgreSQL. Every change (an issue, a transition) commits the
/// call's row and its events together under one advisory lock, so events become visible in sequence
/// order and a watcher resuming after sequence n misses nothing. At most one open call of each kind per desk.
/// </summary>
public sealed class PostgresMarginCallStore(NpgsqlDataSource dataSource, TimeProvider time) : IWithdrawalGate
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at this instance's next change (watchers poll too, for other instances).</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Records a new call; returns the desk's open call of its kind instead when it has one already.</summary>
    public async Task<MarginCall> IssueAsync(MarginCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var ct = cancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(MarginCallSql.Lock, transaction: transaction, cancellationToken: ct));
        var inserted = await connection.ExecuteAsync(new CommandDefinition(MarginCallSql.Insert, new
        {
            call.CallId, call.DeskId, call.TermsVersion, Amount = Text(call.Amount), Delivered = Text(call.Delivered), IssuedAt = call.IssuedAt.UtcDateTime,
            DeliveryDue = call.DeliveryDue.UtcDateTime, DefaultsAt = call.DefaultsAt.UtcDateTime, State = Rows.Name(call.State), Kind = Rows.Name(call.Kind),
        }, transaction, cancellationToken: ct));
        MarginCall result;
        if (inserted == 1)
        {
            await AppendAsync(connection, transaction, call, call.History, ct);
            result = call;
        }
        else
        {
            result = (await LoadAsync(connection, transaction, MarginCallSql.Open, new { call.DeskId, Kind = Rows.Name(call.Kind) }, ct))!;
        }

        await transaction.CommitAsync(ct);
        Signal();
        return result;
    }

    /// <summary>Applies <paramref name="change"/> (a domain transition) to the call, recording every new transition.</summary>
    /// <exception cref="NotFoundException">No such call.</exception>
    public async Task<MarginCall> TransitionAsync(Guid callId, Func<MarginCall, MarginCall> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var ct = cancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(MarginCallSql.Lock, transaction: transaction, cancellationToken: ct));
        var before = await LoadAsync(connection, transaction, MarginCallSql.ById, new { CallId = callId }, ct)
            ?? throw new NotFoundException($"call_id: no margin call {callId}");
        var after = change(before);
        if (after.History.Count > before.History.Count || after.InstructionId != before.InstructionId)
        {
            await connection.ExecuteAsync(new CommandDefinition(MarginCallSql.Update, new
            {
                after.CallId, Amount = Text(after.Amount), Delivered = Text(after.Delivered), State = Rows.Name(after.State), after.InstructionId,
            }, transaction, cancellationToken: ct));
            await AppendAsync(connection, transaction, after, after.History.Skip(before.History.Count), ct);
        }

        await transaction.CommitAsync(ct);
        Signal();
        return after;
    }

    public Task<MarginCall?> GetAsync(Guid callId, CancellationToken cancellationToken) =>
        LoadOneAsync(MarginCallSql.ById, new { CallId = callId }, cancellationToken);

    /// <summary>The custodian holding most of the desk's <paramref name="assetCode"/>, and how much (null: none holds any).</summary>
    public async Task<(string CustodianId, BigInteger Held)?> LargestHoldingAsync(string deskId, string assetCode, CancellationToken cancellationToken) =>
        (await LargestHoldings.ReadAsync(dataSource, assetCode, [deskId], cancellationToken)).TryGetValue(deskId, out var holding) ? holding : null;

    /// <summary>
    /// What a pass over every desk needs, in three queries: each desk's open call of each kind (with its
    /// history) and its met calls not yet settled, with when each was met.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DeskCalls>> AllOpenAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var rows = await connection.QueryAsync<MarginCallRow>(new CommandDefinition(MarginCallSql.AllOpen, transaction: transaction, cancellationToken: ct));
        var history = (await connection.QueryAsync<(Guid CallId, string State, string Actor, DateTime At, string Reason, string? Amount)>(
                new CommandDefinition(MarginCallSql.AllOpenHistory, transaction: transaction, cancellationToken: ct)))
            .GroupBy(h => h.CallId).ToDictionary(g => g.Key, g => g.Select(h => new TransitionRow(h.State, h.Actor, h.At, h.Reason, h.Amount).ToTransition()).ToList());
        var met = (await connection.QueryAsync<(string DeskId, Guid CallId, DateTime MetAt)>(
                new CommandDefinition(MarginCallSql.AllMet, transaction: transaction, cancellationToken: ct)))
            .GroupBy(m => m.DeskId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(m => (m.CallId, Rows.Utc(m.MetAt))).ToList(), StringComparer.Ordinal);
        await transaction.CommitAsync(ct);
        var open = rows.Select(r => r.ToCall(history.GetValueOrDefault(r.CallId) ?? [])).ToList();
        return open.Select(c => c.DeskId).Concat(met.Keys).Distinct(StringComparer.Ordinal).ToDictionary(
            desk => desk,
            desk => new DeskCalls(
                open.FirstOrDefault(c => c.DeskId == desk && c.Kind == MarginCallKind.Delivery),
                open.FirstOrDefault(c => c.DeskId == desk && c.Kind == MarginCallKind.Return),
                met.GetValueOrDefault(desk) ?? []),
            StringComparer.Ordinal);
    }

    /// <summary>Every call (of one desk when given), oldest first.</summary>
    public async Task<IReadOnlyList<MarginCall>> ListAsync(string? deskId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MarginCallRow>(new CommandDefinition(MarginCallSql.List, new { DeskId = deskId }, cancellationToken: cancellationToken));
        var calls = new List<MarginCall>();
        foreach (var row in rows)
        {
            calls.Add(row.ToCall(await HistoryAsync(connection, null, row.CallId, cancellationToken)));
        }

        return calls;
    }

    /// <summary>A desk with a defaulted call may not withdraw until the call is met.</summary>
    public async Task<string?> BlockedBecauseAsync(string deskId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var callId = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(MarginCallSql.Defaulted, new { DeskId = deskId, Now = time.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
        return callId is { } id ? $"desk '{deskId}' has defaulted margin call {id}: withdrawals are blocked until it is met" : null;
    }

    /// <summary>Transitions after <paramref name="afterSequence"/> (of one desk when given), oldest first.</summary>
    public async Task<IReadOnlyList<MarginCallEvent>> EventsAfterAsync(string? deskId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            MarginCallSql.EventsAfter, new { DeskId = deskId, After = afterSequence, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEvent())];
    }

    private async Task<MarginCall?> LoadOneAsync(string sql, object key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var call = await LoadAsync(connection, transaction, sql, key, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return call;
    }

    private static async Task<MarginCall?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object key, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<MarginCallRow>(new CommandDefinition(sql, key, transaction, cancellationToken: ct));
        return row?.ToCall(await HistoryAsync(connection, transaction, row.CallId, ct));
    }

    private static async Task<IReadOnlyList<MarginCallTransition>> HistoryAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid callId, CancellationToken ct) =>
        [.. (await connection.QueryAsync<TransitionRow>(new CommandDefinition(MarginCallSql.History, new { CallId = callId }, transaction, cancellationToken: ct))).Select(r => r.ToTransition())];

    private static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MarginCall call, IEnumerable<MarginCallTransition> transitions, CancellationToken ct)
    {
        foreach (var t in transitions)
        {
            await connection.ExecuteAsync(new CommandDefinition(MarginCallSql.InsertEvent, new
            {
                call.CallId, call.DeskId, State = Rows.Name(t.To), t.Actor, At = t.At.UtcDateTime, t.Reason, Amount = t.Amount is { } a ? Text(a) : null,
            }, transaction, cancellationToken: ct));
        }
    }

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private static string Text(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
