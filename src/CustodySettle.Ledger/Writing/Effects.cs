using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Writing;

/// <summary>
/// Both accounts' counters after one operation, or why it cannot apply (TigerBeetle's account model:
/// a pending transfer moves the pending counters; posting moves up to its amount to posted and releases
/// the rest; voiding or expiring releases it all).
/// </summary>
internal readonly record struct Effects(TransferResult Result, AccountBalance Debit, AccountBalance Credit, Amount JournalAmount)
{
    private static readonly Effects Overflow = new(TransferResult.Overflow, default, default, default);

    public static Effects Compute(OperationKind kind, Amount amount, Amount pendingAmount, AccountState debit, AccountState credit)
    {
        var (d, c) = (debit.Balance, credit.Balance);
        switch (kind)
        {
            case OperationKind.Immediate:
                if (!d.DebitsPosted.TryAdd(amount, out var debitsPosted) || !c.CreditsPosted.TryAdd(amount, out var creditsPosted))
                {
                    return Overflow;
                }

                return WithinLimits(d with { DebitsPosted = debitsPosted }, c with { CreditsPosted = creditsPosted }, debit, credit, amount);

            case OperationKind.Pending:
                if (!d.DebitsPending.TryAdd(amount, out var debitsPending) || !c.CreditsPending.TryAdd(amount, out var creditsPending))
                {
                    return Overflow;
                }

                return WithinLimits(d with { DebitsPending = debitsPending }, c with { CreditsPending = creditsPending }, debit, credit, amount);

            case OperationKind.PostPending:
                // The reservation already counted against the limits, and posting at most it cannot raise
                // debits_pending + debits_posted: no limit check, only the posted counters can overflow.
                if (!d.DebitsPosted.TryAdd(amount, out var posted) || !c.CreditsPosted.TryAdd(amount, out var credited))
                {
                    return Overflow;
                }

                return new(
                    TransferResult.Ok,
                    d with { DebitsPending = Release(d.DebitsPending, pendingAmount), DebitsPosted = posted },
                    c with { CreditsPending = Release(c.CreditsPending, pendingAmount), CreditsPosted = credited },
                    amount);

            default:
                return new(
                    TransferResult.Ok,
                    d with { DebitsPending = Release(d.DebitsPending, pendingAmount) },
                    c with { CreditsPending = Release(c.CreditsPending, pendingAmount) },
                    pendingAmount);
        }
    }

    private static Effects WithinLimits(AccountBalance d, AccountBalance c, AccountState debit, AccountState credit, Amount amount)
    {
        // Pending amounts count against the limit, as in TigerBeetle: debits_pending + debits_posted <= credits_posted.
        if (debit.Limits.HasFlag(AccountLimits.DebitsMustNotExceedCredits) && d.DebitsPending.Value + d.DebitsPosted.Value > d.CreditsPosted.Value)
        {
            return new(TransferResult.ExceedsCredits, default, default, default);
        }

        if (credit.Limits.HasFlag(AccountLimits.CreditsMustNotExceedDebits) && c.CreditsPending.Value + c.CreditsPosted.Value > c.DebitsPosted.Value)
        {
            return new(TransferResult.ExceedsDebits, default, default, default);
        }

        return new(TransferResult.Ok, d, c, amount);
    }

    private static Amount Release(Amount counter, Amount pendingAmount) =>
        counter.TrySubtract(pendingAmount, out var rest)
            ? rest
            : throw new InvalidOperationException("a pending counter is below a reservation it holds: the ledger's rows are inconsistent");
}
