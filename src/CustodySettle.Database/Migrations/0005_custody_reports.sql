-- What custodians report (issue 6, "Custodians report"): balance statements, stored as received with
-- what each line did to the ledger, and confirmations of the transfers they executed.

-- status: 'planned' once the statement is stored with the ledger transfers it needs (their ids derived
-- from the statement, so a retry after a crash applies each at most once: the ledger's idempotency),
-- 'applied' once every transfer's outcome is recorded on its line.
CREATE TABLE custody_statements (
    custodian_id    text        NOT NULL REFERENCES registry_custodians,
    statement_id    text        NOT NULL CHECK (length(statement_id) BETWEEN 1 AND 128),
    as_of           timestamptz NOT NULL,
    received_at     timestamptz NOT NULL,
    request_sha256  bytea       NOT NULL CHECK (length(request_sha256) = 32),
    status          text        NOT NULL CHECK (status IN ('planned', 'applied')),
    PRIMARY KEY (custodian_id, statement_id)
);
CREATE INDEX custody_statements_as_of ON custody_statements (custodian_id, as_of DESC);

CREATE TABLE custody_statement_lines (
    custodian_id           text          NOT NULL,
    statement_id           text          NOT NULL,
    line_no                integer       NOT NULL CHECK (line_no >= 0),
    desk_id                text          NOT NULL REFERENCES registry_desks,
    ledger_id              integer       NOT NULL REFERENCES ledger_assets,
    balance                numeric(78,0) NOT NULL CHECK (balance >= 0),
    reference              text          NOT NULL,
    ledger_balance_before  numeric(78,0) NOT NULL,
    delta                  numeric(78,0) NOT NULL,
    effect                 text          NOT NULL CHECK (effect IN ('pending', 'unchanged', 'credited', 'debited', 'superseded', 'rejected')),
    transfer_id            uuid,
    journal_seq            bigint,
    detail                 text          NOT NULL DEFAULT '',
    PRIMARY KEY (custodian_id, statement_id, line_no),
    FOREIGN KEY (custodian_id, statement_id) REFERENCES custody_statements,
    UNIQUE (custodian_id, statement_id, desk_id, ledger_id)
);

-- A deposit or withdrawal the custodian executed. Recorded before its ledger transfer (whose id is
-- derived from the confirmation), so a retry after a crash submits the same transfer again and the
-- ledger applies it once; result is the ledger's answer once known.
CREATE TABLE custody_confirmations (
    custodian_id     text          NOT NULL REFERENCES registry_custodians,
    confirmation_id  text          NOT NULL CHECK (length(confirmation_id) BETWEEN 1 AND 128),
    direction        text          NOT NULL CHECK (direction IN ('deposit', 'withdrawal')),
    desk_id          text          NOT NULL REFERENCES registry_desks,
    ledger_id        integer       NOT NULL REFERENCES ledger_assets,
    amount           numeric(78,0) NOT NULL CHECK (amount > 0),
    executed_at      timestamptz   NOT NULL,
    reference        text          NOT NULL,
    transfer_id      uuid          NOT NULL UNIQUE,
    result           text,
    journal_seq      bigint,
    received_at      timestamptz   NOT NULL,
    PRIMARY KEY (custodian_id, confirmation_id)
);

GRANT SELECT, INSERT, UPDATE ON custody_statements, custody_statement_lines, custody_confirmations TO custodysettle_service;
