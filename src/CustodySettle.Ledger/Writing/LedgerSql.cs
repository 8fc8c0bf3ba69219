namespace CustodySettle.Ledger.Writing;

/// <summary>
/// The writer's SQL, in one place. Rows are locked in one global order (accounts by id, pending
/// transfers by id, journal heads by ledger) so that batches of several instances never deadlock
/// (Formance and pgledger lock sorted, ../shared/DOMAIN.md). Writes are set-based over arrays.
/// </summary>
internal static class LedgerSql
{
    // The transaction's bounds travel inside the batches (lock and load; writes), so a batch costs two
    // round trips rather than three; READ COMMITTED as NpgsqlConnection.BeginTransaction would ask.
    public const string Begin = "BEGIN ISOLATION LEVEL READ COMMITTED";

    // Plans of the prepared statements. A lock, load or update joins a table, and a generic plan (which
    // cannot see the arrays' lengths, and may be cached while a table is still nearly empty) can
    // scan it whole: measured once at 1.7 k/s instead of 9.9 k/s. Those keep custom plans, as
    // unprepared statements had. An INSERT ... SELECT FROM unnest has one possible plan whatever the
    // statistics, and planning it every batch was most of the cost prepared statements save
    // (docs/benchmarks.md, runs (c) and (d)): it runs the cached generic plan.
    public const string CustomPlans = "SET LOCAL plan_cache_mode = force_custom_plan";

    public const string GenericPlans = "SET LOCAL plan_cache_mode = force_generic_plan";

    public const string Commit = "COMMIT";

    public const string Rollback = "ROLLBACK";

    public const string LockAccounts = """
        SELECT account_id, ledger_id, limits, debits_pending, debits_posted, credits_pending, credits_posted,
               closed_at IS NOT NULL
        FROM ledger_accounts
        WHERE account_id = ANY(@ids)
        ORDER BY account_id
        FOR UPDATE
        """;

    public const string LockPendings = """
        SELECT transfer_id, ledger_id, debit_account_id, credit_account_id, amount, state, timeout_at
        FROM ledger_pending
        WHERE transfer_id = ANY(@ids)
        ORDER BY transfer_id
        FOR UPDATE
        """;

    public const string LockHeads = """
        SELECT ledger_id, seq, hash
        FROM ledger_journal_heads
        WHERE ledger_id = ANY(@ids)
        ORDER BY ledger_id
        FOR UPDATE
        """;

    // Read after the locks: any batch that wrote a record for these ledgers held their head lock and
    // has committed by now, so a duplicate from another instance is seen here rather than failing the
    // insert (which would still be caught by the primary key and retried).
    public const string LoadRecords = """
        SELECT transfer_id, request_hash, request::text, result, journal_seq
        FROM ledger_transfers
        WHERE transfer_id = ANY(@ids)
        """;

    public const string InsertTransfers = """
        INSERT INTO ledger_transfers (transfer_id, ledger_id, kind, debit_account_id, credit_account_id, amount,
            pending_id, timeout_at, linked_batch_id, code, reference, request_hash, request, result, journal_seq, recorded_at)
        SELECT t.id, t.ledger_id, t.kind, t.debit, t.credit, t.amount,
            t.pending_id, t.timeout_at, t.linked_batch_id, t.code, t.reference, t.request_hash, t.request::jsonb, t.result, t.journal_seq, @recorded_at
        FROM unnest(@ids, @ledger_ids, @kinds, @debits, @credits, @amounts, @pending_ids, @timeouts, @linked_batch_ids,
            @codes, @references, @request_hashes, @requests, @results, @journal_seqs)
            AS t(id, ledger_id, kind, debit, credit, amount, pending_id, timeout_at, linked_batch_id,
            code, reference, request_hash, request, result, journal_seq)
        """;

    public const string InsertPendings = """
        INSERT INTO ledger_pending (transfer_id, ledger_id, debit_account_id, credit_account_id, amount, state, timeout_at, resolved_by)
        SELECT p.id, p.ledger_id, p.debit, p.credit, p.amount, p.state, p.timeout_at, p.resolved_by
        FROM unnest(@ids, @ledger_ids, @debits, @credits, @amounts, @states, @timeouts, @resolved_by)
            AS p(id, ledger_id, debit, credit, amount, state, timeout_at, resolved_by)
        """;

    public const string UpdatePendings = """
        UPDATE ledger_pending AS p
        SET state = u.state, resolved_by = u.resolved_by
        FROM unnest(@ids, @states, @resolved_by) AS u(id, state, resolved_by)
        WHERE p.transfer_id = u.id
        """;

    public const string InsertJournal = """
        INSERT INTO ledger_journal (ledger_id, seq, transfer_id, kind, debit_account_id, credit_account_id, amount, pending_id,
            code, reference, debit_debits_pending, debit_debits_posted, debit_credits_pending, debit_credits_posted,
            credit_debits_pending, credit_debits_posted, credit_credits_pending, credit_credits_posted, recorded_at, prev_hash, hash)
        SELECT j.ledger_id, j.seq, j.transfer_id, j.kind, j.debit, j.credit, j.amount, j.pending_id,
            j.code, j.reference, j.ddp, j.ddo, j.dcp, j.dco,
            j.cdp, j.cdo, j.ccp, j.cco, @recorded_at, j.prev_hash, j.hash
        FROM unnest(@ledger_ids, @seqs, @transfer_ids, @kinds, @debits, @credits, @amounts, @pending_ids, @codes, @references,
            @ddp, @ddo, @dcp, @dco, @cdp, @cdo, @ccp, @cco, @prev_hashes, @hashes)
            AS j(ledger_id, seq, transfer_id, kind, debit, credit, amount, pending_id, code, reference,
            ddp, ddo, dcp, dco, cdp, cdo, ccp, cco, prev_hash, hash)
        """;

    public const string UpdateAccounts = """
        UPDATE ledger_accounts AS a
        SET debits_pending = u.dp, debits_posted = u.dpo,
            credits_pending = u.cp, credits_posted = u.cpo
        FROM unnest(@ids, @dp, @dpo, @cp, @cpo) AS u(id, dp, dpo, cp, cpo)
        WHERE a.account_id = u.id
        """;

    public const string UpdateHeads = """
        UPDATE ledger_journal_heads AS h
        SET seq = u.seq, hash = u.hash
        FROM unnest(@ledger_ids, @seqs, @hashes) AS u(ledger_id, seq, hash)
        WHERE h.ledger_id = u.ledger_id
        """;

    public const string DuePendings = """
        SELECT transfer_id, ledger_id, debit_account_id, credit_account_id, amount
        FROM ledger_pending
        WHERE state = 'pending' AND timeout_at <= @now
        ORDER BY timeout_at, transfer_id
        LIMIT @limit
        """;
}
