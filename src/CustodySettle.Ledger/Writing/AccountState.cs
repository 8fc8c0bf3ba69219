using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Writing;

/// <summary>A locked account row during a batch: its counters change in memory, then are written once.</summary>
internal sealed class AccountState(long id, int ledgerId, AccountLimits limits, bool closed, AccountBalance balance)
{
    public long Id { get; } = id;

    public int LedgerId { get; } = ledgerId;

    public AccountLimits Limits { get; } = limits;

    public bool Closed { get; } = closed;

    public AccountBalance Balance { get; set; } = balance;

    public bool Dirty { get; set; }
}
