namespace CustodySettle.Ledger.Writing;

/// <summary>What a batch slot does: the four client kinds plus the expirer's release of a due pending transfer.</summary>
internal enum OperationKind
{
    Immediate,
    Pending,
    PostPending,
    VoidPending,
    ExpirePending,
}
