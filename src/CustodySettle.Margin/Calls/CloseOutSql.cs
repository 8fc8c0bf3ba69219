namespace CustodySettle.Margin.Calls;

/// <summary>The close-out ledger's statements (0013_margin_closeouts.sql).</summary>
internal static class CloseOutSql
{
    public const string Plan = """
        INSERT INTO margin_closeouts (call_id, subaccount_id, perp, size, status, planned_at, updated_at)
        VALUES (@CallId, @SubaccountId::numeric, @Perp, @Size::numeric, 'planned', @Now, @Now)
        ON CONFLICT DO NOTHING
        """;

    public const string Open = """
        SELECT subaccount_id::text AS SubaccountId, perp AS Perp, size::text AS Size, status AS Status, transaction_hash AS TransactionHash
        FROM margin_closeouts WHERE call_id = @CallId AND status IN ('planned', 'sent') ORDER BY subaccount_id, perp
        """;

    public const string Any = "SELECT EXISTS (SELECT 1 FROM margin_closeouts WHERE call_id = @CallId)";

    public const string Mark = """
        UPDATE margin_closeouts SET status = @Status, transaction_hash = coalesce(@TransactionHash, transaction_hash), detail = @Detail, updated_at = @Now
        WHERE call_id = @CallId AND subaccount_id = @SubaccountId::numeric AND perp = @Perp
        """;
}
