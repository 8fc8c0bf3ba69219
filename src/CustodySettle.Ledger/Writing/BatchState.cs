namespace CustodySettle.Ledger.Writing;

/// <summary>The rows a batch locked and the idempotency records it found, keyed for in-memory apply.</summary>
internal sealed class BatchState
{
    public Dictionary<long, AccountState> Accounts { get; } = [];

    public Dictionary<Guid, PendingState> Pendings { get; } = [];

    /// <summary>The journal heads of the batch's ledgers; a ledger missing here is not registered.</summary>
    public Dictionary<int, JournalHead> Heads { get; } = [];

    public Dictionary<Guid, StoredTransfer> Stored { get; } = [];
}
