namespace CustodySettle.Custody.Confirmations;

/// <summary>Every statement the confirmation processor runs (0005_custody_reports.sql, 0014_confirmation_instruction.sql).</summary>
internal static class ConfirmationSql
{
    public const string Insert = """
        INSERT INTO custody_confirmations (custodian_id, confirmation_id, direction, desk_id, ledger_id, amount, executed_at, reference, transfer_id, received_at, instruction_id)
        VALUES (@CustodianId, @ConfirmationId, @Direction, @DeskId, @LedgerId, @Amount::numeric, @ExecutedAt, @Reference, @TransferId, @Now, @InstructionId)
        ON CONFLICT (custodian_id, confirmation_id) DO NOTHING;
        SELECT direction AS Direction, desk_id AS DeskId, ledger_id AS LedgerId, amount::text AS Amount, executed_at AS ExecutedAt, reference AS Reference,
               instruction_id AS InstructionId
        FROM custody_confirmations WHERE custodian_id = @CustodianId AND confirmation_id = @ConfirmationId
        """;

    public const string Complete = """
        UPDATE custody_confirmations SET result = @Result, journal_seq = @JournalSeq
        WHERE custodian_id = @CustodianId AND confirmation_id = @ConfirmationId
        """;

    public const string Available = "SELECT (credits_posted - debits_posted)::text FROM ledger_accounts WHERE account_id = @AccountId";
}
