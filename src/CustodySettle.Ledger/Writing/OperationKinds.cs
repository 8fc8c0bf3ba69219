using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Writing;

/// <summary>The <c>kind</c> text of ledger_transfers and ledger_journal (0001_ledger.sql's CHECK list).</summary>
internal static class OperationKinds
{
    public static OperationKind From(TransferKind kind) => kind switch
    {
        TransferKind.Immediate => OperationKind.Immediate,
        TransferKind.Pending => OperationKind.Pending,
        TransferKind.PostPending => OperationKind.PostPending,
        TransferKind.VoidPending => OperationKind.VoidPending,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown transfer kind"),
    };

    public static string Name(OperationKind kind) => kind switch
    {
        OperationKind.Immediate => "immediate",
        OperationKind.Pending => "pending",
        OperationKind.PostPending => "post_pending",
        OperationKind.VoidPending => "void_pending",
        OperationKind.ExpirePending => "expire_pending",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown operation kind"),
    };

    /// <summary>Kinds that resolve an existing pending transfer.</summary>
    public static bool Resolves(OperationKind kind) =>
        kind is OperationKind.PostPending or OperationKind.VoidPending or OperationKind.ExpirePending;
}
