namespace CustodySettle.Ledger.Writing;

/// <summary>
/// What a linked chain changed in memory, so a failing member can undo the whole chain
/// (TigerBeetle's <c>linked</c> flag: all or nothing).
/// </summary>
internal sealed class UndoLog
{
    private readonly List<Action> _undo = [];

    public void Clear() => _undo.Clear();

    public void Account(AccountState account)
    {
        var (balance, dirty) = (account.Balance, account.Dirty);
        _undo.Add(() => (account.Balance, account.Dirty) = (balance, dirty));
    }

    public void Pending(PendingState pending)
    {
        var (state, resolvedBy, dirty) = (pending.State, pending.ResolvedBy, pending.Dirty);
        _undo.Add(() => (pending.State, pending.ResolvedBy, pending.Dirty) = (state, resolvedBy, dirty));
    }

    public void Created(Dictionary<Guid, PendingState> pendings, Guid id) => _undo.Add(() => pendings.Remove(id));

    public void Rollback()
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            _undo[i]();
        }

        _undo.Clear();
    }
}
