using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Settlement;
using CustodySettle.Margin.Holdings;
using Dapper;
using Npgsql;

namespace CustodySettle.Margin.Settlement;

/// <summary>
/// Settlement cycles and settlements on PostgreSQL. A cycle commits with its events, its settlements and
/// their first transitions in one transaction, under a lock that makes each cycle start where the last
/// ended; a settlement's transitions commit with its row (locked FOR UPDATE). Reads show a settlement
/// as of now: one whose window ended undisputed reads final even before the worker records it.
/// </summary>
public sealed class PostgresSettlementStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>The last closed cycle's to_block, or null before the first.</summary>
    public async Task<long?> LastToBlockAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SettlementSql.LastToBlock, cancellationToken: cancellationToken));
    }

    /// <summary>When the last cycle closed, or null before the first.</summary>
    public async Task<DateTimeOffset?> LastClosedAtAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var at = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(SettlementSql.LastClosedAt, cancellationToken: cancellationToken));
        return at is { } value ? SettlementRows.Utc(value) : null;
    }

    /// <summary>Each desk's custodian holding most of <paramref name="assetCode"/> (posted); desks holding none are absent.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LargestHoldersAsync(string assetCode, IReadOnlyCollection<string> deskIds, CancellationToken cancellationToken) =>
        (await LargestHoldings.ReadAsync(dataSource, assetCode, deskIds, cancellationToken)).ToDictionary(h => h.Key, h => h.Value.CustodianId, StringComparer.Ordinal);

    public async Task<SettlementCycle?> FindCycleByRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CycleRow>(new CommandDefinition(SettlementSql.CycleByRequest, new { RequestId = requestId }, cancellationToken: cancellationToken));
        return row is null ? null : await LoadCycleAsync(connection, null, row, cancellationToken);
    }

    public async Task<SettlementCycle?> GetCycleAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CycleRow>(new CommandDefinition(SettlementSql.CycleById, new { CycleId = cycleId }, cancellationToken: cancellationToken));
        return row is null ? null : await LoadCycleAsync(connection, null, row, cancellationToken);
    }

    /// <summary>
    /// Records a closed cycle with its events (each with the desk it is attributed to, or null) and its
    /// settlements. Returns the stored cycle: the one already closed under the same request id, if any.
    /// </summary>
    /// <exception cref="InvalidStateException">Another cycle closed since <paramref name="cycle"/> was computed (it no longer starts where the last ends).</exception>
    public async Task<SettlementCycle> CloseCycleAsync(
        SettlementCycle cycle, IReadOnlyList<(PerpSettlement Event, string? DeskId)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(events);
        var ct = cancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SettlementSql.LockCycles, transaction: transaction, cancellationToken: ct));
        if (await connection.QuerySingleOrDefaultAsync<CycleRow>(
            new CommandDefinition(SettlementSql.CycleByRequest, new { cycle.RequestId }, transaction, cancellationToken: ct)) is { } existing)
        {
            return await LoadCycleAsync(connection, transaction, existing, ct);
        }

        var last = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SettlementSql.LastToBlock, transaction: transaction, cancellationToken: ct));
        if (last is { } lastTo && lastTo != cycle.FromBlock)
        {
            throw new InvalidStateException($"another settlement cycle closed up to block {lastTo} meanwhile: run the cycle again");
        }

        await connection.ExecuteAsync(new CommandDefinition(SettlementSql.InsertCycle, new
        {
            cycle.CycleId, cycle.RequestId, cycle.FromBlock, cycle.ToBlock, cycle.ToBlockHash, cycle.AssetCode, cycle.ClosedBy,
            ClosedAt = cycle.ClosedAt.UtcDateTime, WindowEndsAt = cycle.WindowEndsAt.UtcDateTime,
        }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SettlementSql.InsertEvent, events.Select(e => new
        {
            cycle.CycleId, e.Event.BlockNumber, e.Event.LogIndex, e.Event.TransactionHash, SubaccountId = SettlementRows.Text(e.Event.SubaccountId),
            e.Event.Perp, Pnl = SettlementRows.Text(e.Event.Pnl), Funding = SettlementRows.Text(e.Event.Funding), e.DeskId,
        }), transaction, cancellationToken: ct));
        foreach (var settlement in cycle.Settlements)
        {
            await connection.ExecuteAsync(new CommandDefinition(SettlementSql.InsertSettlement, new
            {
                settlement.SettlementId, settlement.CycleId, settlement.DeskId, settlement.CustodianId, settlement.AssetCode,
                Pnl = SettlementRows.Text(settlement.Pnl), Funding = SettlementRows.Text(settlement.Funding), Net = SettlementRows.Text(settlement.Net),
                WindowEndsAt = settlement.WindowEndsAt.UtcDateTime, State = SettlementRows.Name(settlement.State),
            }, transaction, cancellationToken: ct));
            await AppendAsync(connection, transaction, settlement.SettlementId, settlement.History, ct);
        }

        await transaction.CommitAsync(ct);
        return cycle;
    }

    public async Task<DeskSettlement?> GetAsync(Guid settlementId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SettlementRow>(
            new CommandDefinition(SettlementSql.ById, new { SettlementId = settlementId }, cancellationToken: cancellationToken));
        return row is null ? null : (await LoadAsync(connection, null, row, cancellationToken)).AsOf(time.GetUtcNow());
    }

    /// <summary>The PerpSettled events a settlement netted.</summary>
    public async Task<IReadOnlyList<PerpSettlement>> EventsAsync(DeskSettlement settlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PerpEventRow>(new CommandDefinition(
            SettlementSql.DeskEvents, new { settlement.CycleId, settlement.DeskId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEvent())];
    }

    /// <summary>Settlements of one desk and/or one cycle (null: any), in the order their windows end.</summary>
    public async Task<IReadOnlyList<DeskSettlement>> ListAsync(string? deskId, Guid? cycleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SettlementRow>(new CommandDefinition(
            SettlementSql.List, new { DeskId = deskId, CycleId = cycleId }, cancellationToken: cancellationToken));
        var now = time.GetUtcNow();
        return [.. (await LoadAsync(connection, null, [.. rows], cancellationToken)).Select(s => s.AsOf(now))];
    }

    /// <summary>Applies <paramref name="change"/> to the settlement as of now, recording every new transition.</summary>
    /// <exception cref="NotFoundException">No such settlement.</exception>
    public async Task<DeskSettlement> TransitionAsync(Guid settlementId, Func<DeskSettlement, DeskSettlement> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var ct = cancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SettlementRow>(
            new CommandDefinition(SettlementSql.ByIdForUpdate, new { SettlementId = settlementId }, transaction, cancellationToken: ct))
            ?? throw new NotFoundException($"settlement_id: no settlement {settlementId}");
        var before = await LoadAsync(connection, transaction, row, ct);
        var after = change(before.AsOf(time.GetUtcNow()));
        if (after.History.Count > before.History.Count || after.InstructionId != before.InstructionId)
        {
            await connection.ExecuteAsync(new CommandDefinition(SettlementSql.Update, new
            {
                after.SettlementId, State = SettlementRows.Name(after.State), DeskFigure = after.DeskFigure is { } figure ? SettlementRows.Text(figure) : null,
                after.InstructionId,
            }, transaction, cancellationToken: ct));
            await AppendAsync(connection, transaction, after.SettlementId, after.History.Skip(before.History.Count), ct);
        }

        await transaction.CommitAsync(ct);
        return after;
    }

    /// <summary>Pending settlements whose window has ended by <paramref name="now"/>.</summary>
    public Task<IReadOnlyList<Guid>> DueToFinalizeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        IdsAsync(SettlementSql.DueToFinalize, new { Now = now.UtcDateTime, Limit = Batch }, cancellationToken);

    /// <summary>Final settlements that move money and have no instruction yet.</summary>
    public Task<IReadOnlyList<Guid>> ToInstructAsync(CancellationToken cancellationToken) =>
        IdsAsync(SettlementSql.ToInstruct, new { Limit = Batch }, cancellationToken);

    private async Task<IReadOnlyList<Guid>> IdsAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))];
    }

    private static async Task<SettlementCycle> LoadCycleAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CycleRow row, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<SettlementRow>(new CommandDefinition(SettlementSql.ByCycle, new { row.CycleId }, transaction, cancellationToken: ct));
        var settlements = await LoadAsync(connection, transaction, [.. rows], ct);

        var unattributed = await connection.QueryAsync<PerpEventRow>(new CommandDefinition(SettlementSql.Unattributed, new { row.CycleId }, transaction, cancellationToken: ct));
        var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition(SettlementSql.EventCount, new { row.CycleId }, transaction, cancellationToken: ct));
        return new SettlementCycle(row.CycleId, row.RequestId, row.FromBlock, row.ToBlock, row.ToBlockHash, row.AssetCode, row.ClosedBy,
            SettlementRows.Utc(row.ClosedAt), SettlementRows.Utc(row.WindowEndsAt), count, settlements, [.. unattributed.Select(e => e.ToEvent())]);
    }

    private static async Task<DeskSettlement> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, SettlementRow row, CancellationToken ct) =>
        (await LoadAsync(connection, transaction, [row], ct))[0];

    /// <summary>The settlements of <paramref name="rows"/>, in their order, each with its history (one query for all).</summary>
    private static async Task<List<DeskSettlement>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, List<SettlementRow> rows, CancellationToken ct)
    {
        var history = (await connection.QueryAsync<SettlementTransitionRow>(new CommandDefinition(
                SettlementSql.History, new { SettlementIds = rows.Select(r => r.SettlementId).ToArray() }, transaction, cancellationToken: ct)))
            .ToLookup(h => h.SettlementId);
        return [.. rows.Select(r => r.ToSettlement([.. history[r.SettlementId].Select(h => h.ToTransition())]))];
    }

    private static Task<int> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid settlementId, IEnumerable<SettlementTransition> transitions, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(SettlementSql.InsertTransition, transitions.Select(t => new
        {
            SettlementId = settlementId, State = SettlementRows.Name(t.To), t.Actor, At = t.At.UtcDateTime, t.Reason,
            Amount = t.Amount is { } amount ? SettlementRows.Text(amount) : null,
        }), transaction, cancellationToken: ct));
}
