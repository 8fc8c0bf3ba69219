namespace CustodySettle.Custody.Statements;

/// <summary>Every statement the statement store runs (0005_custody_reports.sql).</summary>
internal static class StatementSql
{
    public const string Header = """
        SELECT custodian_id AS CustodianId, statement_id AS StatementId, as_of AS AsOf, received_at AS ReceivedAt,
               request_sha256 AS RequestHash, status AS Status
        FROM custody_statements WHERE custodian_id = @CustodianId AND statement_id = @StatementId
        """;

    public const string Lines = """
        SELECT l.line_no AS LineNo, l.desk_id AS DeskId, a.asset_code AS AssetCode, l.balance::text AS Balance, l.reference AS Reference,
               l.ledger_id AS LedgerId, l.ledger_balance_before::text AS LedgerBalanceBefore, l.delta::text AS Delta, l.effect AS Effect,
               l.transfer_id AS TransferId, l.journal_seq AS JournalSeq, l.detail AS Detail
        FROM custody_statement_lines l JOIN ledger_assets a ON a.ledger_id = l.ledger_id
        WHERE l.custodian_id = @CustodianId AND l.statement_id = @StatementId
        ORDER BY l.line_no
        """;

    public const string List = """
        SELECT custodian_id AS CustodianId, statement_id AS StatementId, as_of AS AsOf, received_at AS ReceivedAt,
               request_sha256 AS RequestHash, status AS Status
        FROM custody_statements WHERE custodian_id = @CustodianId ORDER BY as_of DESC, received_at DESC
        """;

    public const string LatestAppliedAsOf = "SELECT max(as_of) FROM custody_statements WHERE custodian_id = @CustodianId AND status = 'applied'";

    // A desk's whole holding of an asset at a custodian: every account of it there (available, locked, ...).
    public const string HeldByDesk = """
        SELECT coalesce(sum(credits_posted - debits_posted), 0)::text
        FROM ledger_accounts
        WHERE ledger_id = @LedgerId AND owner_kind = 'desk' AND owner_id = @DeskId AND custodian_id = @CustodianId
        """;

    public const string InsertHeader = """
        INSERT INTO custody_statements (custodian_id, statement_id, as_of, received_at, request_sha256, status)
        VALUES (@CustodianId, @StatementId, @AsOf, @ReceivedAt, @RequestHash, 'planned')
        """;

    public const string InsertLine = """
        INSERT INTO custody_statement_lines (custodian_id, statement_id, line_no, desk_id, ledger_id, balance, reference,
            ledger_balance_before, delta, effect, transfer_id, detail)
        VALUES (@CustodianId, @StatementId, @LineNo, @DeskId, @LedgerId, @Balance::numeric, @Reference,
            @LedgerBalanceBefore::numeric, @Delta::numeric, @Effect, @TransferId, @Detail)
        """;

    public const string CompleteLine = """
        UPDATE custody_statement_lines SET effect = @Effect, journal_seq = @JournalSeq, detail = @Detail
        WHERE custodian_id = @CustodianId AND statement_id = @StatementId AND line_no = @LineNo
        """;

    public const string MarkApplied = "UPDATE custody_statements SET status = 'applied' WHERE custodian_id = @CustodianId AND statement_id = @StatementId";
}
