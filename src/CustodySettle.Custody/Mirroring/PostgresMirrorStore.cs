using System.Globalization;
using System.Numerics;
using Dapper;
using Npgsql;

namespace CustodySettle.Custody.Mirroring;

/// <summary>The mirror's outbox and the ledger holdings it follows, on PostgreSQL.</summary>
public sealed class PostgresMirrorStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<IReadOnlyList<MirrorTarget>> TargetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MirrorTargetRow>(new CommandDefinition(MirrorSql.Targets, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToTarget())];
    }

    public async Task<IReadOnlyList<MirrorOperation>> OperationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MirrorOperationRow>(new CommandDefinition(MirrorSql.All, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToOperation())];
    }

    internal async Task<MirrorOperation?> OpenAsync(MirrorTarget target, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MirrorOperationRow>(new CommandDefinition(
            MirrorSql.Open, new { target.DeskId, target.CustodianId, target.LedgerId }, cancellationToken: cancellationToken));
        return row?.ToOperation();
    }

    internal async Task<MirrorOperation?> LastClosedAsync(MirrorTarget target, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MirrorOperationRow>(new CommandDefinition(
            MirrorSql.LastClosed, new { target.DeskId, target.CustodianId, target.LedgerId }, cancellationToken: cancellationToken));
        return row?.ToOperation();
    }

    /// <summary>Records a planned operation; false when another one is open for the target already (another instance planned first).</summary>
    internal async Task<bool> InsertPlannedAsync(MirrorOperation operation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(MirrorSql.Insert, new
        {
            operation.OperationId, operation.DeskId, operation.CustodianId, operation.LedgerId, Token = operation.Token.ToLowerHex(),
            Holder = operation.Holder.ToLowerHex(), Kind = operation.Kind.ToString().ToLowerInvariant(), Amount = Text(operation.Amount),
            EstimatedSupply = Text(operation.EstimatedSupply), LedgerHeld = Text(operation.LedgerHeld), Now = time.GetUtcNow().UtcDateTime,
        }, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    internal async Task UpdateAsync(MirrorOperation operation, string? blockHash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(MirrorSql.Update, new
        {
            operation.OperationId, Status = operation.Status.ToString().ToLowerInvariant(), TransactionHash = operation.TransactionHash?.ToString(),
            operation.BlockNumber, BlockHash = blockHash, operation.Detail, Now = time.GetUtcNow().UtcDateTime,
        }, cancellationToken: cancellationToken));
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
