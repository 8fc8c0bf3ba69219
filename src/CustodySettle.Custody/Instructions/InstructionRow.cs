using System.Globalization;
using System.Numerics;
using CustodySettle.Custody.Confirmations;

namespace CustodySettle.Custody.Instructions;

/// <summary>custody_instructions (with the asset code) as Dapper reads it.</summary>
internal sealed record InstructionRow(
    long Sequence, Guid InstructionId, string CustodianId, string DeskId, string AssetCode, string Direction, string Amount, string Reason,
    string Status, DateTime IssuedAt, string? ConfirmationId)
{
    public Instruction ToInstruction() => new(
        Sequence, InstructionId, CustodianId, DeskId, AssetCode, Direction == "deposit" ? TransferDirection.Deposit : TransferDirection.Withdrawal,
        BigInteger.Parse(Amount, NumberStyles.None, CultureInfo.InvariantCulture), Reason, Status == "executed",
        new DateTimeOffset(DateTime.SpecifyKind(IssuedAt, DateTimeKind.Utc)), ConfirmationId);
}
