using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Journal;

namespace CustodySettle.Ledger.Writing;

/// <summary>One transfer's checks and effects. Every check runs before anything changes, so a failure
/// leaves the batch state as it was (issue 5: "each a specific error, nothing written").</summary>
internal sealed partial class BatchApplier
{
    private TransferResult ApplyTransfer(TransferSlot slot)
    {
        var request = slot.Request;
        var kind = slot.Kind;
        if (request.Reference.Length > _maxReferenceLength)
        {
            return TransferResult.ReferenceTooLong;
        }

        if (request.Timeout is { } timeout)
        {
            if (kind != OperationKind.Pending)
            {
                return TransferResult.TimeoutOnlyForPending;
            }

            if (timeout <= TimeSpan.Zero)
            {
                return TransferResult.TimeoutMustBePositive;
            }
        }

        var resolves = OperationKinds.Resolves(kind);
        if (!resolves && request.PendingId is not null)
        {
            return TransferResult.PendingIdNotAllowed;
        }

        if (resolves && (request.PendingId is null || request.PendingId == Guid.Empty))
        {
            return TransferResult.PendingIdRequired;
        }

        if (kind != OperationKind.VoidPending && request.Amount.IsZero)
        {
            return TransferResult.AmountMustBePositive;
        }

        var accounts = CheckAccounts(request);
        if (accounts.Result != TransferResult.Ok)
        {
            return accounts.Result;
        }

        var (debit, credit) = (accounts.Debit!, accounts.Credit!);
        PendingState? pending = null;
        if (resolves)
        {
            var check = CheckPending(request, kind, out pending);
            if (check != TransferResult.Ok)
            {
                return check;
            }
        }

        var effect = Effects.Compute(kind, request.Amount, pending?.Amount ?? Amount.Zero, debit, credit);
        if (effect.Result != TransferResult.Ok)
        {
            return effect.Result;
        }

        Commit(slot, debit, credit, effect, pending);
        return TransferResult.Ok;
    }

    private (TransferResult Result, AccountState? Debit, AccountState? Credit) CheckAccounts(TransferRequest request)
    {
        if (request.DebitAccountId == request.CreditAccountId)
        {
            return (TransferResult.AccountsMustBeDifferent, null, null);
        }

        if (!_state.Accounts.TryGetValue(request.DebitAccountId, out var debit))
        {
            return (TransferResult.DebitAccountNotFound, null, null);
        }

        if (!_state.Accounts.TryGetValue(request.CreditAccountId, out var credit))
        {
            return (TransferResult.CreditAccountNotFound, null, null);
        }

        if (debit.LedgerId != request.LedgerId || credit.LedgerId != request.LedgerId || !_state.Heads.ContainsKey(request.LedgerId))
        {
            return (TransferResult.LedgerMismatch, null, null);
        }

        if (debit.Closed)
        {
            return (TransferResult.DebitAccountClosed, null, null);
        }

        return credit.Closed ? (TransferResult.CreditAccountClosed, null, null) : (TransferResult.Ok, debit, credit);
    }

    private TransferResult CheckPending(TransferRequest request, OperationKind kind, out PendingState? pending)
    {
        if (!_state.Pendings.TryGetValue(request.PendingId!.Value, out pending))
        {
            return TransferResult.PendingTransferNotFound;
        }

        // A pending transfer resolves exactly once; past its timeout it is expired even before the
        // expirer has released it (TigerBeetle: pending_transfer_expired).
        var state = pending.State switch
        {
            PendingState.Posted => TransferResult.PendingTransferAlreadyPosted,
            PendingState.Voided => TransferResult.PendingTransferAlreadyVoided,
            PendingState.Expired => TransferResult.PendingTransferExpired,
            _ => pending.TimeoutAt <= _now ? TransferResult.PendingTransferExpired : TransferResult.Ok,
        };
        if (state != TransferResult.Ok)
        {
            return state;
        }

        if (pending.LedgerId != request.LedgerId || pending.DebitAccountId != request.DebitAccountId || pending.CreditAccountId != request.CreditAccountId)
        {
            return TransferResult.PendingTransferMismatch;
        }

        return kind switch
        {
            OperationKind.PostPending when request.Amount > pending.Amount => TransferResult.PostAmountExceedsPending,
            OperationKind.VoidPending when !request.Amount.IsZero && request.Amount != pending.Amount => TransferResult.PendingTransferMismatch,
            _ => TransferResult.Ok,
        };
    }

    private void Commit(TransferSlot slot, AccountState debit, AccountState credit, Effects effect, PendingState? pending)
    {
        _undo.Account(debit);
        _undo.Account(credit);
        (debit.Balance, debit.Dirty) = (effect.Debit, true);
        (credit.Balance, credit.Dirty) = (effect.Credit, true);
        var request = slot.Request;
        if (slot.Kind == OperationKind.Pending)
        {
            slot.TimeoutAt = request.Timeout is { } timeout ? Timestamps.Plus(_now, timeout) : null;
            var created = new PendingState(request.Id, request.LedgerId, debit.Id, credit.Id, request.Amount, PendingState.Pending, slot.TimeoutAt, isNew: true);
            _state.Pendings.Add(request.Id, created);
            _undo.Created(_state.Pendings, request.Id);
        }
        else if (pending is not null)
        {
            _undo.Pending(pending);
            pending.State = slot.Kind switch
            {
                OperationKind.PostPending => PendingState.Posted,
                OperationKind.VoidPending => PendingState.Voided,
                _ => PendingState.Expired,
            };
            (pending.ResolvedBy, pending.Dirty) = (request.Id, true);
        }

        // Sequence and hash are filled when the batch's chain is built (BatchApplier.Journal.cs).
        slot.Entry = new JournalEntry(
            request.LedgerId, 0, request.Id, OperationKinds.Name(slot.Kind), debit.Id, credit.Id, effect.JournalAmount,
            pending?.TransferId, request.Code, request.Reference, Snapshot(effect.Debit), Snapshot(effect.Credit), _now, [], []);
    }

    private static BalanceSnapshot Snapshot(AccountBalance b) => new(b.DebitsPending, b.DebitsPosted, b.CreditsPending, b.CreditsPosted);
}
