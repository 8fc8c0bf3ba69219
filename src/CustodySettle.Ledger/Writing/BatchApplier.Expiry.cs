using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Writing;

/// <summary>The expirer's release of a due pending transfer, through the same locks as any transfer.</summary>
internal sealed partial class BatchApplier
{
    private TransferResult ApplyExpiry(TransferSlot slot)
    {
        var request = slot.Request;
        if (!_state.Pendings.TryGetValue(request.PendingId!.Value, out var pending))
        {
            return TransferResult.PendingTransferNotFound;
        }

        // Re-checked under the row lock: another instance may have posted, voided or expired it since
        // the expirer's unlocked scan. A skip writes nothing.
        switch (pending.State)
        {
            case PendingState.Posted:
                return TransferResult.PendingTransferAlreadyPosted;
            case PendingState.Voided:
                return TransferResult.PendingTransferAlreadyVoided;
            case PendingState.Expired:
                return TransferResult.PendingTransferExpired;
        }

        if (pending.TimeoutAt is not { } due || due > _now
            || !_state.Accounts.TryGetValue(pending.DebitAccountId, out var debit)
            || !_state.Accounts.TryGetValue(pending.CreditAccountId, out var credit)
            || !_state.Heads.ContainsKey(pending.LedgerId))
        {
            // Not due by this instance's clock (or its rows were not locked): leave it for a later pass.
            return TransferResult.PendingTransferNotFound;
        }

        // Closed accounts still get their reservation released: closing stops new transfers, not this.
        var effect = Effects.Compute(OperationKind.ExpirePending, pending.Amount, pending.Amount, debit, credit);
        Commit(slot, debit, credit, effect, pending);
        return TransferResult.Ok;
    }
}
