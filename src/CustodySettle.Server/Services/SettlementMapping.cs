using System.Globalization;
using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Domain.Settlement;
using Google.Protobuf.WellKnownTypes;
using Cycle = CustodySettle.Margin.Settlement.SettlementCycle;
using DomainState = CustodySettle.Domain.Settlement.SettlementState;
using DomainTransition = CustodySettle.Domain.Settlement.SettlementTransition;

namespace CustodySettle.Server.Services;

/// <summary>Settlement cycles and settlements as settlement_service.proto carries them.</summary>
internal static class SettlementMapping
{
    public static Api.V1.SettlementCycle ToMessage(Cycle cycle) => new()
    {
        CycleId = cycle.CycleId.ToString(),
        RequestId = cycle.RequestId.ToString(),
        FromBlock = cycle.FromBlock,
        ToBlock = cycle.ToBlock,
        ToBlockHash = cycle.ToBlockHash,
        Asset = cycle.AssetCode,
        ClosedBy = cycle.ClosedBy,
        ClosedAt = Timestamp.FromDateTimeOffset(cycle.ClosedAt),
        WindowEndsAt = Timestamp.FromDateTimeOffset(cycle.WindowEndsAt),
        EventCount = cycle.EventCount,
        Settlements = { cycle.Settlements.Select(s => ToMessage(s)) },
        Unattributed = { cycle.Unattributed.Select(ToMessage) },
    };

    public static Settlement ToMessage(DeskSettlement settlement, IReadOnlyList<PerpSettlement>? events = null) => new()
    {
        SettlementId = settlement.SettlementId.ToString(),
        CycleId = settlement.CycleId.ToString(),
        DeskId = settlement.DeskId,
        CustodianId = settlement.CustodianId ?? string.Empty,
        Asset = settlement.AssetCode,
        RealizedPnl = Text(settlement.Pnl),
        Funding = Text(settlement.Funding),
        Net = Text(settlement.Net),
        State = ToMessage(settlement.State),
        WindowEndsAt = Timestamp.FromDateTimeOffset(settlement.WindowEndsAt),
        DeskFigure = settlement.DeskFigure is { } figure ? Text(figure) : string.Empty,
        InstructionId = settlement.InstructionId?.ToString() ?? string.Empty,
        History = { settlement.History.Select(ToMessage) },
        Events = { (events ?? []).Select(ToMessage) },
    };

    private static PerpSettledEvent ToMessage(PerpSettlement e) => new()
    {
        SubaccountId = Text(e.SubaccountId), Perp = e.Perp, Pnl = Text(e.Pnl), Funding = Text(e.Funding), BlockNumber = e.BlockNumber,
        LogIndex = e.LogIndex, TransactionHash = e.TransactionHash,
    };

    private static Api.V1.SettlementTransition ToMessage(DomainTransition t) => new()
    {
        State = ToMessage(t.To), Actor = t.Actor, At = Timestamp.FromDateTimeOffset(t.At), Reason = t.Reason,
        Amount = t.Amount is { } amount ? Text(amount) : string.Empty,
    };

    private static Api.V1.SettlementState ToMessage(DomainState state) => state switch
    {
        DomainState.Pending => Api.V1.SettlementState.Pending,
        DomainState.Disputed => Api.V1.SettlementState.Disputed,
        DomainState.Final => Api.V1.SettlementState.Final,
        _ => Api.V1.SettlementState.Unspecified,
    };

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
