namespace CustodySettle.Custody.Mirroring;

/// <summary>Every statement the mirror runs (0006_mirror.sql), and the ledger figures it follows.</summary>
internal static class MirrorSql
{
    // Every desk's holding per custodian and asset: the sum of all its accounts there.
    public const string Targets = """
        SELECT d.desk_id AS DeskId, d.wallet_address AS Holder, a.custodian_id AS CustodianId, a.ledger_id AS LedgerId,
               s.asset_code AS AssetCode, sum(a.credits_posted - a.debits_posted)::text AS Held
        FROM ledger_accounts a
        JOIN registry_desks d ON a.owner_kind = 'desk' AND d.desk_id = a.owner_id
        JOIN registry_custodians c ON c.custodian_id = a.custodian_id
        JOIN ledger_assets s ON s.ledger_id = a.ledger_id
        GROUP BY d.desk_id, d.wallet_address, a.custodian_id, a.ledger_id, s.asset_code
        ORDER BY d.desk_id, a.custodian_id, a.ledger_id
        """;

    public const string Columns = """
        operation_id AS OperationId, desk_id AS DeskId, custodian_id AS CustodianId, ledger_id AS LedgerId, token_address AS Token,
        holder_address AS Holder, kind AS Kind, amount::text AS Amount, estimated_supply::text AS EstimatedSupply,
        ledger_held::text AS LedgerHeld, status AS Status, tx_hash AS TransactionHash, block_number AS BlockNumber, detail AS Detail
        """;

    public const string Open = $"""
        SELECT {Columns} FROM mirror_operations
        WHERE desk_id = @DeskId AND custodian_id = @CustodianId AND ledger_id = @LedgerId AND status IN ('planned', 'sent')
        """;

    public const string ForTarget = $"""
        SELECT {Columns} FROM mirror_operations
        WHERE desk_id = @DeskId AND custodian_id = @CustodianId AND ledger_id = @LedgerId ORDER BY created_at, operation_id
        """;

    public const string All = $"SELECT {Columns} FROM mirror_operations ORDER BY created_at, operation_id";

    public const string LastClosed = $"""
        SELECT {Columns} FROM mirror_operations
        WHERE desk_id = @DeskId AND custodian_id = @CustodianId AND ledger_id = @LedgerId AND status NOT IN ('planned', 'sent')
        ORDER BY created_at DESC, operation_id DESC LIMIT 1
        """;

    public const string Insert = """
        INSERT INTO mirror_operations (operation_id, desk_id, custodian_id, ledger_id, token_address, holder_address, kind, amount,
            estimated_supply, ledger_held, status, created_at, updated_at)
        VALUES (@OperationId, @DeskId, @CustodianId, @LedgerId, @Token, @Holder, @Kind, @Amount::numeric, @EstimatedSupply::numeric,
            @LedgerHeld::numeric, 'planned', @Now, @Now)
        ON CONFLICT DO NOTHING
        """;

    public const string Update = """
        UPDATE mirror_operations SET status = @Status, tx_hash = coalesce(@TransactionHash, tx_hash), block_number = @BlockNumber,
            block_hash = @BlockHash, detail = @Detail, updated_at = @Now
        WHERE operation_id = @OperationId
        """;
}
