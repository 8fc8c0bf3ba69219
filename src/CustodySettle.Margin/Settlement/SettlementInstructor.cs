using System.Globalization;
using CustodySettle.Custody.Confirmations;
using CustodySettle.Custody.Instructions;
using CustodySettle.Domain.Settlement;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Margin.Settlement;

/// <summary>
/// Turns a final settlement into its instruction to the custodian: the desk receiving is a deposit to
/// its account, the desk paying a withdrawal from it (an obligation, so a default does not hold it).
/// The instruction's request id is the settlement id, so issuing again after a crash between the two
/// writes finds the same instruction; the settlement then records it.
/// </summary>
public sealed partial class SettlementInstructor(
    PostgresSettlementStore store, PostgresInstructionBook instructions, SettlementMetrics metrics, ILogger<SettlementInstructor> logger)
{
    /// <summary>Issues the settlement's instruction if it needs one; returns the settlement as it then stands.</summary>
    public async Task<DeskSettlement> InstructAsync(DeskSettlement settlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        if (!settlement.NeedsInstruction)
        {
            return settlement;
        }

        var receives = settlement.Net.Sign > 0;
        var instruction = await instructions.IssueAsync(new InstructionRequest(
            settlement.SettlementId, settlement.CustodianId!, settlement.DeskId, settlement.AssetCode,
            receives ? TransferDirection.Deposit : TransferDirection.Withdrawal, receives ? settlement.Net : -settlement.Net,
            string.Create(CultureInfo.InvariantCulture, $"settlement {settlement.SettlementId}: realized PnL and funding of cycle {settlement.CycleId}"),
            Obligation: !receives), cancellationToken);
        var recorded = await store.TransitionAsync(
            settlement.SettlementId, s => s.InstructionId is null ? s.Instructed(instruction.InstructionId) : s, cancellationToken);
        metrics.Instructed();
        Instructed(logger, settlement.SettlementId, instruction.InstructionId, settlement.CustodianId!, settlement.DeskId, settlement.Net);
        return recorded;
    }

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information,
        Message = "Settlement {SettlementId} instructed as {InstructionId} to custodian {CustodianId} for desk {DeskId}, net {Net}")]
    private static partial void Instructed(ILogger logger, Guid settlementId, Guid instructionId, string custodianId, string deskId, System.Numerics.BigInteger net);
}
