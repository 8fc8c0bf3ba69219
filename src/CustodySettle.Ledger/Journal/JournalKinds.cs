namespace CustodySettle.Ledger.Journal;

/// <summary>The <c>kind</c> values of <c>ledger_journal</c> and <c>ledger_transfers</c> (0001_ledger.sql).</summary>
internal static class JournalKinds
{
    public const string Immediate = "immediate";
    public const string Pending = "pending";
    public const string PostPending = "post_pending";
    public const string VoidPending = "void_pending";
    public const string ExpirePending = "expire_pending";

    /// <summary>Whether the entry resolves a reservation (and so names it by pending_id).</summary>
    public static bool Resolves(string kind) => kind is PostPending or VoidPending or ExpirePending;
}
