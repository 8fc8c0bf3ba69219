using System.Globalization;
using CustodySettle.Custody.Confirmations;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Margin;
using CustodySettle.Registry;
using Dapper;
using Npgsql;

namespace CustodySettle.Custody.Instructions;

/// <summary>
/// Instructions to custodians on PostgreSQL: issued idempotently by request id, listed and followed in
/// issue order, and marked executed by the confirmation that carried them out. The margin and
/// settlement engines issue through it as operators do. A withdrawal is refused while the desk has a
/// defaulted margin call (<see cref="IWithdrawalGate"/>), unless it pays an obligation.
/// </summary>
public sealed class PostgresInstructionBook(NpgsqlDataSource dataSource, PostgresRegistry registry, IWithdrawalGate gate, TimeProvider time)
{
    private TaskCompletionSource _issued = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this instance issues the next instruction (watchers poll too, for other instances).</summary>
    public Task Issued => Volatile.Read(ref _issued).Task;

    /// <exception cref="NotFoundException">The custodian, desk or asset does not exist.</exception>
    /// <exception cref="ConflictException">The request id issued another instruction.</exception>
    public async Task<Instruction> IssueAsync(InstructionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = cancellationToken;
        if (!await registry.CustodianExistsAsync(request.CustodianId, ct))
        {
            throw new NotFoundException($"custodian_id: no custodian '{request.CustodianId}'");
        }

        if (!await registry.DeskExistsAsync(request.DeskId, ct))
        {
            throw new NotFoundException($"desk_id: no desk '{request.DeskId}'");
        }

        var asset = await registry.GetAssetAsync(request.AssetCode, ct) ?? throw new NotFoundException($"asset: no asset '{request.AssetCode}'");
        if (request.Direction == TransferDirection.Withdrawal && !request.Obligation && await gate.BlockedBecauseAsync(request.DeskId, ct) is { } blocked)
        {
            throw new InvalidStateException(blocked);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InstructionSql.Lock, transaction: transaction, cancellationToken: ct));
        var inserted = await connection.ExecuteAsync(new CommandDefinition(InstructionSql.Insert, new
        {
            InstructionId = Guid.NewGuid(), request.RequestId, request.CustodianId, request.DeskId, asset.LedgerId,
            Direction = request.Direction == TransferDirection.Deposit ? "deposit" : "withdrawal",
            Amount = request.Amount.ToString(CultureInfo.InvariantCulture), request.Reason, Now = time.GetUtcNow().UtcDateTime,
        }, transaction, cancellationToken: ct));
        var stored = (await connection.QuerySingleAsync<InstructionRow>(
            new CommandDefinition(InstructionSql.ByRequest, new { request.RequestId }, transaction, cancellationToken: ct))).ToInstruction();
        await transaction.CommitAsync(ct);
        var field = stored.CustodianId != request.CustodianId ? "custodian_id" : stored.DeskId != request.DeskId ? "desk_id"
            : stored.AssetCode != request.AssetCode ? "asset" : stored.Direction != request.Direction ? "direction"
            : stored.Amount != request.Amount ? "amount" : stored.Reason != request.Reason ? "reason" : null;
        if (field is not null)
        {
            throw new ConflictException($"request_id {request.RequestId} issued another instruction ({field} differs)", field);
        }

        if (inserted == 1)
        {
            Interlocked.Exchange(ref _issued, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        return stored;
    }

    public async Task<Instruction?> GetAsync(Guid instructionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstructionRow>(new CommandDefinition(InstructionSql.ById, new { InstructionId = instructionId }, cancellationToken: cancellationToken));
        return row?.ToInstruction();
    }

    public async Task<IReadOnlyList<Instruction>> ListAsync(string custodianId, bool? executed, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InstructionRow>(new CommandDefinition(InstructionSql.List, new
        {
            CustodianId = custodianId, Status = executed switch { true => "executed", false => "pending", null => null },
        }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToInstruction())];
    }

    /// <summary>The custodian's instructions issued after <paramref name="afterSequence"/>, in order.</summary>
    public async Task<IReadOnlyList<Instruction>> AfterAsync(string custodianId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InstructionRow>(new CommandDefinition(
            InstructionSql.After, new { CustodianId = custodianId, After = afterSequence, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToInstruction())];
    }

    /// <summary>Marks a pending instruction executed by <paramref name="confirmationId"/> (a repeat by the same confirmation changes nothing).</summary>
    internal async Task MarkExecutedAsync(Guid instructionId, string confirmationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InstructionSql.MarkExecuted, new
        {
            InstructionId = instructionId, ConfirmationId = confirmationId, Now = time.GetUtcNow().UtcDateTime,
        }, cancellationToken: cancellationToken));
    }
}
