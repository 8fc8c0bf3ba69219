using System.Numerics;
using CustodySettle.Custody.Confirmations;

namespace CustodySettle.Custody.Instructions;

/// <summary>A transfer a custodian is instructed to execute for a desk; <see cref="ConfirmationId"/> is set once executed.</summary>
public sealed record Instruction(
    long Sequence, Guid InstructionId, string CustodianId, string DeskId, string AssetCode, TransferDirection Direction, BigInteger Amount,
    string Reason, bool Executed, DateTimeOffset IssuedAt, string? ConfirmationId);

/// <summary>
/// What an issuer asks for (validated at the edge). <paramref name="Obligation"/> marks a payment the
/// desk owes (a settlement's realized loss): it goes out even while the desk's withdrawals are blocked
/// by a default, since the counterparty was already paid on chain. It is not part of the instruction.
/// </summary>
public sealed record InstructionRequest(
    Guid RequestId, string CustodianId, string DeskId, string AssetCode, TransferDirection Direction, BigInteger Amount, string Reason, bool Obligation = false);
