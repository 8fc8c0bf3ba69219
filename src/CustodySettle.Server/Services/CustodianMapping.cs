using System.Globalization;
using CustodySettle.Custody.Confirmations;
using CustodySettle.Custody.Instructions;
using CustodySettle.Custody.Statements;
using Google.Protobuf.WellKnownTypes;
using V1 = CustodySettle.Api.V1;

namespace CustodySettle.Server.Services;

/// <summary>Statements and confirmations as CustodianService messages.</summary>
internal static class CustodianMapping
{
    public static V1.Statement ToMessage(this StatementResult statement)
    {
        var message = new V1.Statement
        {
            CustodianId = statement.CustodianId,
            StatementId = statement.StatementId,
            AsOf = Timestamp.FromDateTimeOffset(statement.AsOf),
            ReceivedAt = Timestamp.FromDateTimeOffset(statement.ReceivedAt),
        };
        message.Lines.AddRange(statement.Lines.Select(l => new V1.StatementLineResult
        {
            Line = new V1.StatementLine { DeskId = l.Line.DeskId, Asset = l.Line.AssetCode, Balance = Text(l.Line.Balance), Reference = l.Line.Reference },
            LedgerBalanceBefore = Text(l.LedgerBalanceBefore),
            Delta = Text(l.Delta),
            Effect = ToMessage(l.Effect),
            TransferId = l.TransferId?.ToString() ?? string.Empty,
            JournalSequence = l.JournalSeq ?? 0,
            Detail = l.Detail,
        }));
        return message;
    }

    public static V1.TransferConfirmation ToMessage(this ConfirmationResult result) => new()
    {
        CustodianId = result.CustodianId,
        ConfirmationId = result.ConfirmationId,
        TransferId = result.TransferId.ToString(),
        JournalSequence = result.JournalSeq,
        AvailableAfter = Text(result.AvailableAfter),
    };

    public static V1.Instruction ToMessage(this Instruction instruction) => new()
    {
        Sequence = instruction.Sequence,
        InstructionId = instruction.InstructionId.ToString(),
        CustodianId = instruction.CustodianId,
        DeskId = instruction.DeskId,
        Asset = instruction.AssetCode,
        Direction = instruction.Direction == TransferDirection.Deposit ? V1.TransferDirection.Deposit : V1.TransferDirection.Withdrawal,
        Amount = Text(instruction.Amount),
        Reason = instruction.Reason,
        Status = instruction.Executed ? V1.InstructionStatus.Executed : V1.InstructionStatus.Pending,
        IssuedAt = Timestamp.FromDateTimeOffset(instruction.IssuedAt),
        ConfirmationId = instruction.ConfirmationId ?? string.Empty,
    };

    private static V1.LineEffect ToMessage(LineEffect effect) => effect switch
    {
        LineEffect.Unchanged => V1.LineEffect.Unchanged,
        LineEffect.Credited => V1.LineEffect.Credited,
        LineEffect.Debited => V1.LineEffect.Debited,
        LineEffect.Superseded => V1.LineEffect.Superseded,
        LineEffect.Rejected => V1.LineEffect.Rejected,
        _ => V1.LineEffect.Unspecified,
    };

    private static string Text(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
