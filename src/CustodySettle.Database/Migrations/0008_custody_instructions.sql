-- Instructions to custodians (issue 6, CustodianService.ListInstructions/WatchInstructions): transfers
-- a custodian is asked to execute for a desk. An instruction is issued once (idempotent by the
-- issuer's request id) and never changes but for being marked executed by the confirmation that did it.
-- sequence orders them for watchers that resume after the last one they saw.
CREATE TABLE custody_instructions (
    instruction_id   uuid          PRIMARY KEY,
    sequence         bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    request_id       uuid          NOT NULL UNIQUE,
    custodian_id     text          NOT NULL REFERENCES registry_custodians,
    desk_id          text          NOT NULL REFERENCES registry_desks,
    ledger_id        integer       NOT NULL REFERENCES ledger_assets,
    direction        text          NOT NULL CHECK (direction IN ('deposit', 'withdrawal')),
    amount           numeric(78,0) NOT NULL CHECK (amount > 0),
    reason           text          NOT NULL CHECK (length(reason) <= 500),
    status           text          NOT NULL CHECK (status IN ('pending', 'executed')),
    confirmation_id  text,
    issued_at        timestamptz   NOT NULL,
    executed_at      timestamptz
);
CREATE INDEX custody_instructions_custodian ON custody_instructions (custodian_id, sequence);

GRANT SELECT, INSERT, UPDATE ON custody_instructions TO custodysettle_service;
