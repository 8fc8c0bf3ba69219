using CustodySettle.Domain.Ledger;
using Dapper;
using Npgsql;
using ErrorCodes = CustodySettle.Database.PostgresErrorCodes;

namespace CustodySettle.Ledger.Accounts;

/// <summary>Accounts and ledgers on PostgreSQL. Opening is idempotent by key and safe under concurrency
/// (INSERT ... ON CONFLICT); closing stops later transfers but keeps the history.</summary>
public sealed class PostgresAccountStore : IAccountStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;

    public PostgresAccountStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (_dataSource, _timeProvider) = (dataSource, timeProvider);
    }

    public async Task EnsureLedgerAsync(int ledgerId, string assetCode, int decimals, CancellationToken cancellationToken)
    {
        AccountValidation.Ledger(ledgerId, assetCode, decimals);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The journal head row is created with the ledger: the writer locks it to append (0001_ledger.sql).
        const string Sql = """
            INSERT INTO ledger_assets (ledger_id, asset_code, decimals) VALUES (@ledgerId, @assetCode, @decimals) ON CONFLICT DO NOTHING;
            INSERT INTO ledger_journal_heads (ledger_id)
                SELECT ledger_id FROM ledger_assets WHERE ledger_id = @ledgerId ON CONFLICT DO NOTHING;
            SELECT asset_code AS AssetCode, decimals AS Decimals FROM ledger_assets WHERE ledger_id = @ledgerId;
            """;
        var existing = await connection.QuerySingleOrDefaultAsync<(string AssetCode, short Decimals)?>(
            new CommandDefinition(Sql, new { ledgerId, assetCode, decimals = (short)decimals }, transaction, cancellationToken: cancellationToken));
        if (existing is not { } ledger)
        {
            throw new ArgumentException($"asset code {assetCode} already belongs to another ledger", nameof(assetCode));
        }

        if (ledger.AssetCode != assetCode || ledger.Decimals != decimals)
        {
            throw new ArgumentException($"ledger {ledgerId} is already {ledger.AssetCode} with {ledger.Decimals} decimals", nameof(ledgerId));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Account> OpenAsync(AccountKey key, AccountLimits limits, CancellationToken cancellationToken)
    {
        AccountValidation.Key(key, limits);
        var parameters = new { key.LedgerId, OwnerKind = OwnerKinds.Name(key.OwnerKind), key.OwnerId, key.CustodianId, key.Purpose, Limits = (int)limits };
        // On conflict DO NOTHING waits for a concurrent opener to commit and returns no row; the account is
        // then read by a second statement, whose fresh READ COMMITTED snapshot sees it.
        var sql = $"""
            WITH created AS (
                INSERT INTO ledger_accounts (ledger_id, owner_kind, owner_id, custodian_id, purpose, limits)
                VALUES (@LedgerId, @OwnerKind, @OwnerId, @CustodianId, @Purpose, @Limits)
                ON CONFLICT (ledger_id, owner_kind, owner_id, custodian_id, purpose) DO NOTHING
                RETURNING *)
            SELECT {AccountRow.Columns} FROM created
            """;
        var select = $"""
            SELECT {AccountRow.Columns} FROM ledger_accounts
            WHERE ledger_id = @LedgerId AND owner_kind = @OwnerKind AND owner_id = @OwnerId AND custodian_id = @CustodianId AND purpose = @Purpose
            """;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))
                ?? await connection.QuerySingleAsync<AccountRow>(new CommandDefinition(select, parameters, cancellationToken: cancellationToken));
            return row.ToAccount();
        }
        catch (PostgresException error) when (error.SqlState == ErrorCodes.ForeignKeyViolation)
        {
            throw AccountValidation.Invalid("key.LedgerId", $"ledger {key.LedgerId} is not registered", error);
        }
    }

    public async Task<Account?> GetAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountRow.Columns} FROM ledger_accounts WHERE account_id = @accountId", new { accountId }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task CloseAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // Closing twice keeps the first closing time. The row lock orders it against the writer's batches.
        var found = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            WITH closed AS (
                UPDATE ledger_accounts SET closed_at = coalesce(closed_at, @now) WHERE account_id = @accountId RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM closed)
            """,
            new { accountId, now = _timeProvider.GetUtcNow().UtcDateTime },
            cancellationToken: cancellationToken));
        if (!found)
        {
            throw new ArgumentException($"account {accountId} does not exist", nameof(accountId));
        }
    }
}
