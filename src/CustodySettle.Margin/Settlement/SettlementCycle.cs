using CustodySettle.Domain.Settlement;

namespace CustodySettle.Margin.Settlement;

/// <summary>
/// A closed cycle: the blocks after <see cref="FromBlock"/> up to <see cref="ToBlock"/> (inclusive,
/// hash <see cref="ToBlockHash"/>), the desks' settlements it produced, and the events of subaccounts
/// no desk is linked to (<see cref="Unattributed"/>, the venue's own accounts for example).
/// </summary>
public sealed record SettlementCycle(
    Guid CycleId,
    Guid RequestId,
    long FromBlock,
    long ToBlock,
    string ToBlockHash,
    string AssetCode,
    string ClosedBy,
    DateTimeOffset ClosedAt,
    DateTimeOffset WindowEndsAt,
    int EventCount,
    IReadOnlyList<DeskSettlement> Settlements,
    IReadOnlyList<PerpSettlement> Unattributed);
