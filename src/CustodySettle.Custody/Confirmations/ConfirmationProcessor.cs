using System.Globalization;
using System.Numerics;
using CustodySettle.Custody.Instructions;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Registry;
using Dapper;
using Npgsql;

namespace CustodySettle.Custody.Confirmations;

/// <summary>
/// Applies a custodian's confirmation of an executed deposit or withdrawal to the ledger: credited to
/// (or debited from) the desk's available account against the custodian's omnibus account. The
/// confirmation is recorded before its transfer, whose id is derived from it, so a retry (even after a
/// crash in between) submits the same transfer and the ledger applies it once; a changed resend is a
/// conflict naming the field. A withdrawal larger than what is available is refused, and so is its retry.
/// </summary>
public sealed class ConfirmationProcessor(
    NpgsqlDataSource dataSource, PostgresRegistry registry, CustodyAccounts accounts, ILedgerWriter ledger, PostgresInstructionBook instructions, TimeProvider time)
{
    /// <exception cref="NotFoundException">The custodian, desk or asset does not exist.</exception>
    /// <exception cref="ConflictException">The confirmation id was used for another transfer.</exception>
    /// <exception cref="InvalidStateException">The ledger refused it (a withdrawal over the available balance).</exception>
    public async Task<ConfirmationResult> ConfirmAsync(ExecutedTransfer transfer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        var ct = cancellationToken;
        if (!await registry.CustodianExistsAsync(transfer.CustodianId, ct))
        {
            throw new NotFoundException($"custodian_id: no custodian '{transfer.CustodianId}'");
        }

        var asset = await registry.GetAssetAsync(transfer.AssetCode, ct) ?? throw new NotFoundException($"asset: no asset '{transfer.AssetCode}'");
        if (!await registry.DeskExistsAsync(transfer.DeskId, ct))
        {
            throw new NotFoundException($"desk_id: no desk '{transfer.DeskId}'");
        }

        // Serialized with the custodian's statements, which plan against the same balances, and with its
        // other confirmations: two naming one instruction cannot both find it pending.
        await using var held = await CustodianLock.AcquireAsync(dataSource, transfer.CustodianId, ct);
        if (transfer.InstructionId is { } instructionId)
        {
            await CheckInstructionAsync(transfer, instructionId, ct);
        }

        var transferId = CustodyIds.Confirmation(transfer.CustodianId, transfer.ConfirmationId);
        await RecordAsync(transfer, asset.LedgerId, transferId, ct);

        var available = await accounts.AvailableAsync(asset.LedgerId, transfer.DeskId, transfer.CustodianId, ct);
        var omnibus = await accounts.OmnibusAsync(asset.LedgerId, transfer.CustodianId, ct);
        var (debit, credit) = transfer.Direction == TransferDirection.Deposit ? (omnibus.Id, available.Id) : (available.Id, omnibus.Id);
        var outcome = (await ledger.SubmitAsync(
            [new TransferRequest(transferId, asset.LedgerId, debit, credit, new Amount(transfer.Amount), Reference: $"confirmation {transfer.ConfirmationId}")], ct))[0];

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ConfirmationSql.Complete, new
        {
            transfer.CustodianId, transfer.ConfirmationId, Result = outcome.Result.ToString(), JournalSeq = outcome.JournalSeq,
        }, cancellationToken: ct));
        if (outcome.Result != TransferResult.Ok)
        {
            throw new InvalidStateException(outcome.Result == TransferResult.ExceedsCredits
                ? $"amount: the desk's available {transfer.AssetCode} at this custodian is less than the withdrawal"
                : $"the ledger refused the transfer ({outcome.Result})");
        }

        if (transfer.InstructionId is { } executed)
        {
            await instructions.MarkExecutedAsync(executed, transfer.ConfirmationId, ct);
        }

        var after = await connection.ExecuteScalarAsync<string>(new CommandDefinition(ConfirmationSql.Available, new { AccountId = available.Id }, cancellationToken: ct));
        return new ConfirmationResult(transfer.CustodianId, transfer.ConfirmationId, transferId, outcome.JournalSeq!.Value,
            BigInteger.Parse(after!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>The instruction must be this custodian's, for this transfer, and not executed by another confirmation.</summary>
    private async Task CheckInstructionAsync(ExecutedTransfer transfer, Guid instructionId, CancellationToken ct)
    {
        var instruction = await instructions.GetAsync(instructionId, ct);
        if (instruction is null || instruction.CustodianId != transfer.CustodianId)
        {
            throw new NotFoundException($"instruction_id: no instruction {instructionId} for custodian '{transfer.CustodianId}'");
        }

        if (instruction.DeskId != transfer.DeskId || instruction.AssetCode != transfer.AssetCode || instruction.Direction != transfer.Direction || instruction.Amount != transfer.Amount)
        {
            throw new InvalidFieldException("instruction_id",
                $"instruction {instructionId} is a {instruction.Direction.ToString().ToLowerInvariant()} of {instruction.Amount} {instruction.AssetCode} for desk {instruction.DeskId}, not this transfer");
        }

        if (instruction.Executed && instruction.ConfirmationId != transfer.ConfirmationId)
        {
            throw new InvalidStateException($"instruction {instructionId} was executed already by confirmation {instruction.ConfirmationId}");
        }
    }

    private async Task RecordAsync(ExecutedTransfer transfer, int ledgerId, Guid transferId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var direction = transfer.Direction == TransferDirection.Deposit ? "deposit" : "withdrawal";
        var stored = await connection.QuerySingleAsync<(string Direction, string DeskId, int LedgerId, string Amount, DateTime ExecutedAt, string Reference, Guid? InstructionId)>(
            new CommandDefinition(ConfirmationSql.Insert, new
            {
                transfer.CustodianId, transfer.ConfirmationId, Direction = direction, transfer.DeskId, LedgerId = ledgerId,
                Amount = transfer.Amount.ToString(CultureInfo.InvariantCulture), ExecutedAt = transfer.ExecutedAt.UtcDateTime, transfer.Reference,
                TransferId = transferId, Now = time.GetUtcNow().UtcDateTime, transfer.InstructionId,
            }, cancellationToken: ct));
        var field =
            stored.Direction != direction ? "direction"
            : stored.DeskId != transfer.DeskId ? "desk_id"
            : stored.LedgerId != ledgerId ? "asset"
            : stored.Amount != transfer.Amount.ToString(CultureInfo.InvariantCulture) ? "amount"
            : stored.ExecutedAt.Ticks / 10 != transfer.ExecutedAt.UtcDateTime.Ticks / 10 ? "executed_at"
            : stored.Reference != transfer.Reference ? "reference"
            : stored.InstructionId != transfer.InstructionId ? "instruction_id"
            : null;
        if (field is not null)
        {
            throw new ConflictException($"confirmation {transfer.ConfirmationId} was reported already with another {field}", field);
        }
    }
}
