namespace CustodySettle.Domain.Ledger;

/// <summary>What a transfer does (TigerBeetle's two-phase transfers).</summary>
public enum TransferKind
{
    /// <summary>Moves the amount now (posted).</summary>
    Immediate,

    /// <summary>Reserves the amount (pending), optionally with a timeout after which it expires.</summary>
    Pending,

    /// <summary>Posts a pending transfer, in full or in part (<c>Amount</c> up to the pending amount; the rest is released).</summary>
    PostPending,

    /// <summary>Releases a pending transfer.</summary>
    VoidPending,
}
