-- Settlement cycles (issue 7, SettlementService): each cycle covers the blocks after the previous
-- cycle's to_block up to its own (from_block exclusive, to_block inclusive), so cycles tile the chain
-- with no gap and no overlap (the unique from_block, and the writer's advisory lock). The PerpSettled
-- events a cycle netted are kept as its evidence; each desk's net is a settlement with its own dispute
-- window and transition log; an instruction to the custodian is issued for it once final.
CREATE TABLE settlement_cycles (
    cycle_id        uuid          PRIMARY KEY,
    request_id      uuid          NOT NULL UNIQUE,
    from_block      bigint        NOT NULL UNIQUE CHECK (from_block >= -1),
    to_block        bigint        NOT NULL UNIQUE,
    to_block_hash   text          NOT NULL,
    asset_code      text          NOT NULL,
    closed_by       text          NOT NULL,
    closed_at       timestamptz   NOT NULL,
    window_ends_at  timestamptz   NOT NULL,
    CHECK (to_block > from_block)
);

CREATE TABLE settlement_perp_events (
    cycle_id         uuid          NOT NULL REFERENCES settlement_cycles,
    block_number     bigint        NOT NULL,
    log_index        integer       NOT NULL,
    transaction_hash text          NOT NULL,
    subaccount_id    numeric(78,0) NOT NULL,
    perp             text          NOT NULL,
    pnl              numeric(78,0) NOT NULL,
    funding          numeric(78,0) NOT NULL,
    -- The desk the subaccount was linked to when the cycle closed; null: no desk (listed as unattributed).
    desk_id          text,
    PRIMARY KEY (block_number, log_index)
);
CREATE INDEX settlement_perp_events_cycle ON settlement_perp_events (cycle_id, desk_id);

CREATE TABLE settlements (
    settlement_id   uuid          PRIMARY KEY,
    cycle_id        uuid          NOT NULL REFERENCES settlement_cycles,
    desk_id         text          NOT NULL REFERENCES registry_desks,
    -- Who executes it: the custodian holding most of the desk's settlement asset; null when none does.
    custodian_id    text          REFERENCES registry_custodians,
    asset_code      text          NOT NULL,
    pnl             numeric(78,0) NOT NULL,
    funding         numeric(78,0) NOT NULL,
    net             numeric(78,0) NOT NULL,
    window_ends_at  timestamptz   NOT NULL,
    state           text          NOT NULL CHECK (state IN ('pending', 'disputed', 'final')),
    desk_figure     numeric(78,0),
    instruction_id  uuid          REFERENCES custody_instructions,
    UNIQUE (cycle_id, desk_id)
);
CREATE INDEX settlements_desk ON settlements (desk_id, cycle_id);
CREATE INDEX settlements_open ON settlements (window_ends_at) WHERE state = 'pending';
CREATE INDEX settlements_to_instruct ON settlements (settlement_id) WHERE state = 'final' AND instruction_id IS NULL AND net <> 0;

CREATE TABLE settlement_transitions (
    sequence        bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    settlement_id   uuid          NOT NULL REFERENCES settlements,
    state           text          NOT NULL,
    actor           text          NOT NULL,
    at              timestamptz   NOT NULL,
    reason          text          NOT NULL,
    amount          numeric(78,0)
);
CREATE INDEX settlement_transitions_settlement ON settlement_transitions (settlement_id, sequence);

GRANT SELECT, INSERT ON settlement_cycles, settlement_perp_events, settlement_transitions TO custodysettle_service;
GRANT SELECT, INSERT, UPDATE ON settlements TO custodysettle_service;
