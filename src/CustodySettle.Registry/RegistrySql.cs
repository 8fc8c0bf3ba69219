namespace CustodySettle.Registry;

/// <summary>Every statement the registry runs (0001_ledger.sql's ledger_assets, 0004_registry_and_access.sql).</summary>
internal static class RegistrySql
{
    // Each create inserts unless the id exists, then reads the row back: the caller compares it with the
    // request to tell a replay (same payload) from a conflict (another payload).
    public const string CreateDesk = """
        INSERT INTO registry_desks (desk_id, display_name, wallet_address, created_at)
        VALUES (@DeskId, @DisplayName, @WalletAddress, @Now) ON CONFLICT (desk_id) DO NOTHING;
        SELECT desk_id AS DeskId, display_name AS DisplayName, wallet_address AS WalletAddress, created_at AS CreatedAt
        FROM registry_desks WHERE desk_id = @DeskId
        """;

    public const string DeskByWallet = "SELECT desk_id FROM registry_desks WHERE wallet_address = @WalletAddress";

    public const string ListDesks = """
        SELECT desk_id AS DeskId, display_name AS DisplayName, wallet_address AS WalletAddress, created_at AS CreatedAt
        FROM registry_desks ORDER BY desk_id
        """;

    public const string CreateCustodian = """
        INSERT INTO registry_custodians (custodian_id, display_name, created_at)
        VALUES (@CustodianId, @DisplayName, @Now) ON CONFLICT (custodian_id) DO NOTHING;
        SELECT custodian_id AS CustodianId, display_name AS DisplayName, created_at AS CreatedAt
        FROM registry_custodians WHERE custodian_id = @CustodianId
        """;

    public const string ListCustodians = """
        SELECT custodian_id AS CustodianId, display_name AS DisplayName, created_at AS CreatedAt
        FROM registry_custodians ORDER BY custodian_id
        """;

    // Ledger ids are handed out in order under a transaction-scoped advisory lock, so two operators
    // creating assets at once get distinct ids; the journal head row comes with the ledger.
    public const string LockAssets = "SELECT pg_advisory_xact_lock(hashtext('custodysettle.ledger_assets'))";

    public const string AssetColumns = "asset_code AS AssetCode, decimals AS Decimals, ledger_id AS LedgerId, created_at AS CreatedAt";

    public const string AssetByCode = $"SELECT {AssetColumns} FROM ledger_assets WHERE asset_code = @AssetCode";

    public const string InsertAsset = $"""
        INSERT INTO ledger_assets (ledger_id, asset_code, decimals, created_at)
        SELECT coalesce(max(ledger_id), 0) + 1, @AssetCode, @Decimals, @Now FROM ledger_assets
        RETURNING {AssetColumns};
        """;

    public const string InsertHead = "INSERT INTO ledger_journal_heads (ledger_id) VALUES (@LedgerId) ON CONFLICT DO NOTHING";

    public const string ListAssets = $"SELECT {AssetColumns} FROM ledger_assets ORDER BY ledger_id";

    public const string LinkSubaccount = """
        INSERT INTO registry_subaccounts (subaccount_id, desk_id, created_at)
        SELECT @SubaccountId::numeric(78,0), @DeskId, @Now WHERE EXISTS (SELECT 1 FROM registry_desks WHERE desk_id = @DeskId)
        ON CONFLICT (subaccount_id) DO NOTHING;
        SELECT subaccount_id::text AS SubaccountId, desk_id AS DeskId, created_at AS CreatedAt
        FROM registry_subaccounts WHERE subaccount_id = @SubaccountId::numeric(78,0)
        """;

    public const string ListSubaccounts = """
        SELECT subaccount_id::text AS SubaccountId, desk_id AS DeskId, created_at AS CreatedAt
        FROM registry_subaccounts WHERE @DeskId::text IS NULL OR desk_id = @DeskId ORDER BY subaccount_id
        """;

    public const string DeskExists = "SELECT EXISTS (SELECT 1 FROM registry_desks WHERE desk_id = @DeskId)";

    public const string CustodianExists = "SELECT EXISTS (SELECT 1 FROM registry_custodians WHERE custodian_id = @CustodianId)";
}
