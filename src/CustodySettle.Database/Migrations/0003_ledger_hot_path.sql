-- The ledger writer's hot insert path (issue 5, "Performance"; docs/benchmarks.md, "Ledger vs pgbench
-- TPC-B"). Each foreign key below fired a trigger per inserted row that looked up the referenced row
-- again, although the writer had just locked that very row (ledger_accounts ... FOR UPDATE, the
-- ledger's ledger_journal_heads row FOR UPDATE) in the same transaction: ~14 us of the journal
-- insert's ~31 us per row, ~3 us of the transfers insert's ~12 us.
--
-- Integrity stays provable without them:
-- - the writer appends a journal entry only for accounts it has locked and found open in the entry's
--   ledger, and only under that ledger's locked head row, which still references ledger_assets;
-- - it records a request (ledger_transfers) only for a ledger whose head row exists;
-- - accounts and assets are never deleted by the service (its role has no DELETE on them), and
--   JournalVerifier reports any journal entry whose account is missing or belongs to another ledger
--   (JournalBreakKind.UnknownAccount), and any journal whose ledger is not registered
--   (JournalBreakKind.UnknownLedger), should someone with the owner's rights remove one.
-- The keys that guard the cold paths stay (accounts -> assets, heads -> assets, and ledger_pending's).
ALTER TABLE ledger_journal DROP CONSTRAINT ledger_journal_debit_account_id_fkey;
ALTER TABLE ledger_journal DROP CONSTRAINT ledger_journal_credit_account_id_fkey;
ALTER TABLE ledger_journal DROP CONSTRAINT ledger_journal_ledger_id_fkey;
ALTER TABLE ledger_transfers DROP CONSTRAINT ledger_transfers_ledger_id_fkey;
