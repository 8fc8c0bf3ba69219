using CustodySettle.Domain.Money;

namespace CustodySettle.Domain.Ledger;

/// <summary>An account's four counters (TigerBeetle's model).</summary>
public readonly record struct AccountBalance(Amount DebitsPending, Amount DebitsPosted, Amount CreditsPending, Amount CreditsPosted)
{
    public static readonly AccountBalance Zero = new(Amount.Zero, Amount.Zero, Amount.Zero, Amount.Zero);
}
