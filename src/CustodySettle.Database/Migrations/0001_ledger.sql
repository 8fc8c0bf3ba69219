-- The collateral ledger: double-entry accounts per asset, immutable transfers, two-phase reservations,
-- permanent idempotency, and a SHA-256 hash-chained journal per ledger (issue 5, ../shared/DOMAIN.md:
-- TigerBeetle's model, Formance's PostgreSQL practice). Amounts are exact integers of the asset's
-- smallest unit: numeric(78,0) holds any uint256, as on chain. Never floating point.

-- One ledger per asset: transfers never cross ledgers.
CREATE TABLE ledger_assets (
    ledger_id   integer     PRIMARY KEY CHECK (ledger_id > 0),
    asset_code  text        NOT NULL UNIQUE CHECK (asset_code ~ '^[A-Z0-9._-]{1,32}$'),
    decimals    smallint    NOT NULL CHECK (decimals BETWEEN 0 AND 36),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- An account is identified by what it is: owner, custodian, asset and purpose. Balances are the four
-- TigerBeetle counters; limits (TigerBeetle's account flags): 1 = debits must not exceed credits, 2 = credits must not exceed
-- debits (pending amounts count against the limit, as in TigerBeetle).
CREATE TABLE ledger_accounts (
    account_id       bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ledger_id        integer       NOT NULL REFERENCES ledger_assets,
    owner_kind       text          NOT NULL CHECK (owner_kind IN ('desk', 'venue', 'custodian')),
    owner_id         text          NOT NULL CHECK (length(owner_id) BETWEEN 1 AND 128),
    custodian_id     text          NOT NULL CHECK (length(custodian_id) BETWEEN 1 AND 128),
    purpose          text          NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_]{0,63}$'),
    limits           integer       NOT NULL DEFAULT 0 CHECK (limits IN (0, 1, 2)),
    debits_pending   numeric(78,0) NOT NULL DEFAULT 0 CHECK (debits_pending >= 0),
    debits_posted    numeric(78,0) NOT NULL DEFAULT 0 CHECK (debits_posted >= 0),
    credits_pending  numeric(78,0) NOT NULL DEFAULT 0 CHECK (credits_pending >= 0),
    credits_posted   numeric(78,0) NOT NULL DEFAULT 0 CHECK (credits_posted >= 0),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    closed_at        timestamptz,
    UNIQUE (ledger_id, owner_kind, owner_id, custodian_id, purpose)
);
CREATE INDEX ledger_accounts_owner ON ledger_accounts (owner_kind, owner_id);

-- Every write request, accepted or not, by its client-chosen id: the idempotency record is permanent.
-- A replay with the same request_hash returns the stored outcome (a failure included); a replay with
-- another hash is rejected, naming the differing field from `request`.
CREATE TABLE ledger_transfers (
    transfer_id        uuid          PRIMARY KEY,
    ledger_id          integer       NOT NULL REFERENCES ledger_assets,
    kind               text          NOT NULL CHECK (kind IN ('immediate', 'pending', 'post_pending', 'void_pending', 'expire_pending')),
    debit_account_id   bigint        NOT NULL,
    credit_account_id  bigint        NOT NULL,
    amount             numeric(78,0) NOT NULL CHECK (amount >= 0),
    pending_id         uuid,
    timeout_at         timestamptz,
    linked_batch_id    uuid,
    code               integer       NOT NULL DEFAULT 0,
    reference          text          NOT NULL DEFAULT '',
    request_hash       bytea         NOT NULL,
    request            jsonb         NOT NULL,
    result             text          NOT NULL,
    journal_seq        bigint,
    recorded_at        timestamptz   NOT NULL,
    CHECK ((result = 'ok') = (journal_seq IS NOT NULL))
);
CREATE INDEX ledger_transfers_pending_id ON ledger_transfers (pending_id) WHERE pending_id IS NOT NULL;

-- The mutable state of a two-phase transfer: reserved, then posted (fully or partly), voided, or
-- expired, exactly once.
CREATE TABLE ledger_pending (
    transfer_id        uuid          PRIMARY KEY REFERENCES ledger_transfers,
    ledger_id          integer       NOT NULL,
    debit_account_id   bigint        NOT NULL REFERENCES ledger_accounts,
    credit_account_id  bigint        NOT NULL REFERENCES ledger_accounts,
    amount             numeric(78,0) NOT NULL CHECK (amount > 0),
    state              text          NOT NULL CHECK (state IN ('pending', 'posted', 'voided', 'expired')),
    timeout_at         timestamptz,
    resolved_by        uuid
);
CREATE INDEX ledger_pending_due ON ledger_pending (timeout_at) WHERE state = 'pending' AND timeout_at IS NOT NULL;

-- The journal: one entry per applied transfer, append-only, hash-chained per ledger:
-- hash = SHA-256(prev_hash || canonical encoding of the entry), the first prev_hash 32 zero bytes.
-- Each entry carries both accounts' balances after it, so a balance at any past sequence or instant
-- is one indexed lookup, and altering a balance breaks the chain too.
CREATE TABLE ledger_journal (
    ledger_id              integer       NOT NULL REFERENCES ledger_assets,
    seq                    bigint        NOT NULL CHECK (seq > 0),
    transfer_id            uuid          NOT NULL,
    kind                   text          NOT NULL,
    debit_account_id       bigint        NOT NULL REFERENCES ledger_accounts,
    credit_account_id      bigint        NOT NULL REFERENCES ledger_accounts,
    amount                 numeric(78,0) NOT NULL,
    pending_id             uuid,
    code                   integer       NOT NULL,
    reference              text          NOT NULL,
    debit_debits_pending   numeric(78,0) NOT NULL,
    debit_debits_posted    numeric(78,0) NOT NULL,
    debit_credits_pending  numeric(78,0) NOT NULL,
    debit_credits_posted   numeric(78,0) NOT NULL,
    credit_debits_pending  numeric(78,0) NOT NULL,
    credit_debits_posted   numeric(78,0) NOT NULL,
    credit_credits_pending numeric(78,0) NOT NULL,
    credit_credits_posted  numeric(78,0) NOT NULL,
    recorded_at            timestamptz   NOT NULL,
    prev_hash              bytea         NOT NULL CHECK (length(prev_hash) = 32),
    hash                   bytea         NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (ledger_id, seq)
);
CREATE INDEX ledger_journal_debit ON ledger_journal (debit_account_id, ledger_id, seq);
CREATE INDEX ledger_journal_credit ON ledger_journal (credit_account_id, ledger_id, seq);
CREATE INDEX ledger_journal_recorded ON ledger_journal (ledger_id, recorded_at);

-- The end of each ledger's chain. Appending locks this row FOR UPDATE, which orders writers (across
-- service instances too) and makes the chain linear.
CREATE TABLE ledger_journal_heads (
    ledger_id  integer     PRIMARY KEY REFERENCES ledger_assets,
    seq        bigint      NOT NULL DEFAULT 0,
    hash       bytea       NOT NULL DEFAULT decode(repeat('00', 32), 'hex')
);

-- The role the service runs its ledger work as (Npgsql: Options='-c role=custodysettle_service'):
-- it may append to the journal but never change or remove an entry. Roles are cluster-wide, so
-- create it only once.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'custodysettle_service') THEN
        CREATE ROLE custodysettle_service NOLOGIN;
    END IF;
END
$$;
GRANT SELECT, INSERT ON ledger_assets, ledger_transfers TO custodysettle_service;
GRANT SELECT, INSERT, UPDATE ON ledger_accounts, ledger_pending, ledger_journal_heads TO custodysettle_service;
GRANT SELECT, INSERT ON ledger_journal TO custodysettle_service;
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_journal FROM custodysettle_service;
