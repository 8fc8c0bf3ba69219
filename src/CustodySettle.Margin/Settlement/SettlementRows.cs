using System.Globalization;
using System.Numerics;
using CustodySettle.Domain.Settlement;

namespace CustodySettle.Margin.Settlement;

/// <summary>settlements as Dapper reads it (the history comes from settlement_transitions).</summary>
internal sealed record SettlementRow(
    Guid SettlementId, Guid CycleId, string DeskId, string? CustodianId, string AssetCode, string Pnl, string Funding, string Net, DateTime WindowEndsAt,
    string State, string? DeskFigure, Guid? InstructionId)
{
    public DeskSettlement ToSettlement(IReadOnlyList<SettlementTransition> history) => new(
        SettlementId, CycleId, DeskId, CustodianId, AssetCode, SettlementRows.Signed(Pnl), SettlementRows.Signed(Funding), SettlementRows.Signed(Net),
        SettlementRows.Utc(WindowEndsAt), Enum.Parse<SettlementState>(State, ignoreCase: true), DeskFigure is null ? null : SettlementRows.Signed(DeskFigure),
        InstructionId, history);
}

internal sealed record SettlementTransitionRow(Guid SettlementId, string State, string Actor, DateTime At, string Reason, string? Amount)
{
    public SettlementTransition ToTransition() =>
        new(Enum.Parse<SettlementState>(State, ignoreCase: true), Actor, SettlementRows.Utc(At), Reason, Amount is null ? null : SettlementRows.Signed(Amount));
}

internal sealed record CycleRow(
    Guid CycleId, Guid RequestId, long FromBlock, long ToBlock, string ToBlockHash, string AssetCode, string ClosedBy, DateTime ClosedAt, DateTime WindowEndsAt);

internal sealed record PerpEventRow(string SubaccountId, string Perp, string Pnl, string Funding, long BlockNumber, int LogIndex, string TransactionHash)
{
    public PerpSettlement ToEvent() => new(
        SettlementRows.Signed(SubaccountId), Perp, SettlementRows.Signed(Pnl), SettlementRows.Signed(Funding), BlockNumber, LogIndex, TransactionHash);
}

internal static class SettlementRows
{
    /// <summary>PnL, funding and nets are signed.</summary>
    public static BigInteger Signed(string text) => BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    public static string Name(SettlementState state) => state.ToString().ToLowerInvariant();
}
