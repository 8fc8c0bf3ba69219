using CustodySettle.Domain.Ledger;

namespace CustodySettle.Custody;

/// <summary>
/// The ledger accounts a custodian's reports move: each desk's <c>available</c> account at the custodian
/// (it may not go below zero: collateral locked for margin stays covered) and the custodian's
/// <c>omnibus</c> account, the other side of every deposit and withdrawal, whose balance is minus what
/// the custodian holds for its clients.
/// </summary>
public sealed class CustodyAccounts(IAccountStore accounts)
{
    public const string Available = "available";
    public const string Omnibus = "omnibus";

    public Task<Account> AvailableAsync(int ledgerId, string deskId, string custodianId, CancellationToken cancellationToken) =>
        accounts.OpenAsync(new AccountKey(ledgerId, OwnerKind.Desk, deskId, custodianId, Available), AccountLimits.DebitsMustNotExceedCredits, cancellationToken);

    public Task<Account> OmnibusAsync(int ledgerId, string custodianId, CancellationToken cancellationToken) =>
        accounts.OpenAsync(new AccountKey(ledgerId, OwnerKind.Custodian, custodianId, custodianId, Omnibus), AccountLimits.None, cancellationToken);
}
