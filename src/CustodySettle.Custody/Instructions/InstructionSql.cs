namespace CustodySettle.Custody.Instructions;

/// <summary>Every statement the instruction book runs (0008_custody_instructions.sql).</summary>
internal static class InstructionSql
{
    public const string Columns = """
        i.sequence AS Sequence, i.instruction_id AS InstructionId, i.custodian_id AS CustodianId, i.desk_id AS DeskId, a.asset_code AS AssetCode,
        i.direction AS Direction, i.amount::text AS Amount, i.reason AS Reason, i.status AS Status, i.issued_at AS IssuedAt, i.confirmation_id AS ConfirmationId
        """;

    // Held by every issuer until it commits: sequences then become visible in order, so a watcher that
    // has read sequence n never later sees a smaller one appear (an identity is taken at insert, not commit).
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtext('custodysettle.instructions'))";

    public const string Insert = """
        INSERT INTO custody_instructions (instruction_id, request_id, custodian_id, desk_id, ledger_id, direction, amount, reason, status, issued_at)
        VALUES (@InstructionId, @RequestId, @CustodianId, @DeskId, @LedgerId, @Direction, @Amount::numeric, @Reason, 'pending', @Now)
        ON CONFLICT (request_id) DO NOTHING
        """;

    public const string ByRequest = $"SELECT {Columns} FROM custody_instructions i JOIN ledger_assets a USING (ledger_id) WHERE i.request_id = @RequestId";

    public const string ById = $"SELECT {Columns} FROM custody_instructions i JOIN ledger_assets a USING (ledger_id) WHERE i.instruction_id = @InstructionId";

    public const string List = $"""
        SELECT {Columns} FROM custody_instructions i JOIN ledger_assets a USING (ledger_id)
        WHERE i.custodian_id = @CustodianId AND (@Status::text IS NULL OR i.status = @Status) ORDER BY i.sequence
        """;

    public const string After = $"""
        SELECT {Columns} FROM custody_instructions i JOIN ledger_assets a USING (ledger_id)
        WHERE i.custodian_id = @CustodianId AND i.sequence > @After ORDER BY i.sequence LIMIT @Limit
        """;

    public const string MarkExecuted = """
        UPDATE custody_instructions SET status = 'executed', confirmation_id = @ConfirmationId, executed_at = @Now
        WHERE instruction_id = @InstructionId AND status = 'pending'
        """;
}
