namespace CustodySettle.Domain.Ledger;

/// <summary>Opens, reads and closes accounts.</summary>
public interface IAccountStore
{
    /// <summary>Registers an asset's ledger (idempotent; a different asset code or decimals for the id is an error).</summary>
    Task EnsureLedgerAsync(int ledgerId, string assetCode, int decimals, CancellationToken cancellationToken);

    /// <summary>The account with this key, created with <paramref name="limits"/> if it does not exist.</summary>
    Task<Account> OpenAsync(AccountKey key, AccountLimits limits, CancellationToken cancellationToken);

    Task<Account?> GetAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>Closes an account: later transfers touching it fail; its history stays.</summary>
    Task CloseAsync(long accountId, CancellationToken cancellationToken);
}
