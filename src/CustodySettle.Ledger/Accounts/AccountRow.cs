using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;

namespace CustodySettle.Ledger.Accounts;

/// <summary>A ledger_accounts row as Dapper reads it; counters arrive as text because Dapper would read
/// numeric as decimal, which cannot hold 78 digits.</summary>
internal sealed class AccountRow
{
    public long AccountId { get; init; }

    public int LedgerId { get; init; }

    public string OwnerKind { get; init; } = "";

    public string OwnerId { get; init; } = "";

    public string CustodianId { get; init; } = "";

    public string Purpose { get; init; } = "";

    public int Limits { get; init; }

    public string DebitsPending { get; init; } = "0";

    public string DebitsPosted { get; init; } = "0";

    public string CreditsPending { get; init; } = "0";

    public string CreditsPosted { get; init; } = "0";

    public DateTime? ClosedAt { get; init; }

    public const string Columns = """
        account_id AS AccountId, ledger_id AS LedgerId, owner_kind AS OwnerKind, owner_id AS OwnerId,
        custodian_id AS CustodianId, purpose AS Purpose, limits AS Limits,
        debits_pending::text AS DebitsPending, debits_posted::text AS DebitsPosted,
        credits_pending::text AS CreditsPending, credits_posted::text AS CreditsPosted, closed_at AS ClosedAt
        """;

    public Account ToAccount() => new(
        AccountId,
        new AccountKey(LedgerId, OwnerKinds.Parse(OwnerKind), OwnerId, CustodianId, Purpose),
        (AccountLimits)Limits,
        new AccountBalance(Parse(DebitsPending), Parse(DebitsPosted), Parse(CreditsPending), Parse(CreditsPosted)),
        ClosedAt is { } closed ? new DateTimeOffset(DateTime.SpecifyKind(closed, DateTimeKind.Utc)) : null);

    private static Amount Parse(string text) =>
        Amount.TryParse(text, out var amount) ? amount : throw new InvalidOperationException($"ledger_accounts holds a counter that is not an amount: {text}");
}
