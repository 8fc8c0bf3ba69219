namespace CustodySettle.Domain.Settlement;

/// <summary>Where a desk's settlement of one cycle stands.</summary>
public enum SettlementState
{
    /// <summary>Inside its dispute window: the desk may dispute or approve it.</summary>
    Pending,

    /// <summary>The desk disputed it inside the window: held, no instruction, until an operator approves it.</summary>
    Disputed,

    /// <summary>Approved, or its window ended undisputed: its instruction goes to the custodian.</summary>
    Final,
}
