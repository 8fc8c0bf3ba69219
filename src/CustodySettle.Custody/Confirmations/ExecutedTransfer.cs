using System.Numerics;

namespace CustodySettle.Custody.Confirmations;

/// <summary>A deposit or withdrawal a custodian executed for a desk, as it confirms it (validated at the edge);
/// <paramref name="InstructionId"/> names the instruction it carried out, if any.</summary>
public sealed record ExecutedTransfer(
    string CustodianId, string ConfirmationId, TransferDirection Direction, string DeskId, string AssetCode, BigInteger Amount, DateTimeOffset ExecutedAt,
    string Reference, Guid? InstructionId = null);
