-- The on-chain mirror (issue 6, "Mirroring"; Strands' model): for each (desk, custodian, asset) the
-- custody token's supply follows the desk's holding at the custodian in the ledger. Every mint or burn
-- is recorded here before it is sent (an outbox) and confirmed only after the chain's finality depth.
--
-- status: planned (recorded, maybe sent: a crash may fall between sending and recording the hash; the
-- same guarded call is sent again, and the token's supply guard makes the second revert if the first
-- landed), sent (the node has tx_hash), confirmed (final), superseded (the supply was no longer
-- estimated_supply: someone else changed it; the next pass reads it again and decides anew), failed
-- (refused for another reason, detail says which).
CREATE TABLE mirror_operations (
    operation_id      uuid          PRIMARY KEY,
    desk_id           text          NOT NULL REFERENCES registry_desks,
    custodian_id      text          NOT NULL REFERENCES registry_custodians,
    ledger_id         integer       NOT NULL REFERENCES ledger_assets,
    token_address     text          NOT NULL CHECK (token_address ~ '^0x[0-9a-f]{40}$'),
    holder_address    text          NOT NULL CHECK (holder_address ~ '^0x[0-9a-f]{40}$'),
    kind              text          NOT NULL CHECK (kind IN ('mint', 'burn')),
    amount            numeric(78,0) NOT NULL CHECK (amount > 0),
    estimated_supply  numeric(78,0) NOT NULL CHECK (estimated_supply >= 0),
    ledger_held       numeric(78,0) NOT NULL CHECK (ledger_held >= 0),
    status            text          NOT NULL CHECK (status IN ('planned', 'sent', 'confirmed', 'superseded', 'failed')),
    tx_hash           text,
    block_number      bigint,
    block_hash        text,
    detail            text          NOT NULL DEFAULT '',
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL
);
-- At most one operation in flight per token, across every service instance.
CREATE UNIQUE INDEX mirror_operations_open ON mirror_operations (desk_id, custodian_id, ledger_id) WHERE status IN ('planned', 'sent');
CREATE INDEX mirror_operations_target ON mirror_operations (desk_id, custodian_id, ledger_id, created_at);

GRANT SELECT, INSERT, UPDATE ON mirror_operations TO custodysettle_service;
