using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Journal;

/// <summary>
/// What one journal entry does to one side's four counters (TigerBeetle's two-phase model,
/// ../shared/DOMAIN.md): an immediate transfer adds to posted; a pending one adds to pending; a post
/// moves the posted amount into posted and releases the whole reservation from pending (a partial post
/// releases the remainder); a void or an expiry releases the reservation.
/// </summary>
internal static class BalanceEffect
{
    /// <summary>
    /// The counters after the entry, or null with a reason when the effect is impossible (a counter
    /// would go negative or past 10^78 - 1, or the kind is unknown).
    /// </summary>
    /// <param name="before">The side's counters before the entry.</param>
    /// <param name="debitSide">True for the entry's debit account, false for its credit account.</param>
    /// <param name="kind">The entry's kind.</param>
    /// <param name="amount">The entry's amount (for a post: the amount posted).</param>
    /// <param name="reserved">For entries that resolve a reservation: the pending transfer's amount.</param>
    public static (BalanceSnapshot? After, string? Problem) Apply(BalanceSnapshot before, bool debitSide, string kind, Amount amount, Amount reserved)
    {
        var pending = debitSide ? before.DebitsPending : before.CreditsPending;
        var posted = debitSide ? before.DebitsPosted : before.CreditsPosted;
        switch (kind)
        {
            case JournalKinds.Immediate:
                if (!posted.TryAdd(amount, out posted))
                {
                    return (null, "posted counter overflows");
                }

                break;
            case JournalKinds.Pending:
                if (!pending.TryAdd(amount, out pending))
                {
                    return (null, "pending counter overflows");
                }

                break;
            case JournalKinds.PostPending:
            case JournalKinds.VoidPending:
            case JournalKinds.ExpirePending:
                if (!pending.TrySubtract(reserved, out pending))
                {
                    return (null, $"releasing {reserved} would make the pending counter negative");
                }

                if (kind == JournalKinds.PostPending && !posted.TryAdd(amount, out posted))
                {
                    return (null, "posted counter overflows");
                }

                break;
            default:
                return (null, $"unknown kind '{kind}'");
        }

        var after = debitSide
            ? before with { DebitsPending = pending, DebitsPosted = posted }
            : before with { CreditsPending = pending, CreditsPosted = posted };
        return (after, null);
    }
}
