namespace CustodySettle.Margin.Terms;

/// <summary>Every statement the terms stores run (0009_credit_terms.sql).</summary>
internal static class TermsSql
{
    public const string LockDesk = "SELECT pg_advisory_xact_lock(hashtext('custodysettle.credit_terms'), hashtext(@DeskId))";

    public const string Columns = """
        t.desk_id AS DeskId, t.version AS Version, t.effective_from AS EffectiveFrom, a.asset_code AS SettlementAsset,
        t.independent_amount::text AS IndependentAmount, t.threshold::text AS Threshold, t.minimum_transfer_amount::text AS MinimumTransferAmount,
        t.rounding_unit::text AS RoundingUnit, t.delivery_deadline AS DeliveryDeadline, t.cure_period AS CurePeriod
        """;

    public const string ByRequest = $"SELECT {Columns} FROM margin_credit_terms t JOIN ledger_assets a ON a.ledger_id = t.settlement_ledger_id WHERE t.request_id = @RequestId";

    public const string Insert = """
        INSERT INTO margin_credit_terms (desk_id, version, effective_from, request_id, settlement_ledger_id, independent_amount, threshold,
            minimum_transfer_amount, rounding_unit, delivery_deadline, cure_period)
        SELECT @DeskId, coalesce(max(version), 0) + 1, @Now, @RequestId, @LedgerId, @IndependentAmount::numeric, @Threshold::numeric,
            @MinimumTransferAmount::numeric, @RoundingUnit::numeric, @DeliveryDeadline, @CurePeriod
        FROM margin_credit_terms WHERE desk_id = @DeskId
        """;

    public const string At = $"""
        SELECT {Columns} FROM margin_credit_terms t JOIN ledger_assets a ON a.ledger_id = t.settlement_ledger_id
        WHERE t.desk_id = @DeskId AND t.effective_from <= @At ORDER BY t.version DESC LIMIT 1
        """;

    // Every desk's version in force at @At.
    public const string AllAt = $"""
        SELECT DISTINCT ON (t.desk_id) {Columns} FROM margin_credit_terms t JOIN ledger_assets a ON a.ledger_id = t.settlement_ledger_id
        WHERE t.effective_from <= @At ORDER BY t.desk_id, t.version DESC
        """;

    public const string History = $"""
        SELECT {Columns} FROM margin_credit_terms t JOIN ledger_assets a ON a.ledger_id = t.settlement_ledger_id
        WHERE t.desk_id = @DeskId ORDER BY t.version
        """;

    public const string LockHaircuts = "SELECT pg_advisory_xact_lock(hashtext('custodysettle.haircuts'))";

    public const string HaircutColumns = "a.asset_code AS AssetCode, h.valuation_bps AS ValuationBps, h.version AS Version, h.effective_from AS EffectiveFrom";

    public const string HaircutByRequest = $"SELECT {HaircutColumns} FROM margin_haircuts h JOIN ledger_assets a USING (ledger_id) WHERE h.request_id = @RequestId";

    public const string InsertHaircut = """
        INSERT INTO margin_haircuts (ledger_id, version, effective_from, request_id, valuation_bps)
        SELECT @LedgerId, coalesce(max(version), 0) + 1, @Now, @RequestId, @ValuationBps FROM margin_haircuts WHERE ledger_id = @LedgerId
        """;

    public const string HaircutsAt = $"""
        SELECT DISTINCT ON (h.ledger_id) {HaircutColumns}
        FROM margin_haircuts h JOIN ledger_assets a USING (ledger_id)
        WHERE h.effective_from <= @At ORDER BY h.ledger_id, h.version DESC
        """;
}
