-- Chain following (CustodySettle.Chain/Following): where each log follower has got to, and the recent
-- unfinalized block hashes it checks every new block's parentHash against, so that a reorg is seen and
-- rolled back to the common ancestor (Ponder, rindexer; ../shared/DOMAIN.md "Chain following
-- practice"). The cursor moves in the same transaction as the rows a consumer derives from the logs,
-- so a crash or restart resumes with no log missed and none processed twice.

-- One row per follower (the consumer's name): the last block whose logs are fully processed. A new
-- follower starts at its start block minus one, whose hash it does not know yet (NULL).
CREATE TABLE chain_follower_cursors (
    follower_name  text        PRIMARY KEY CHECK (follower_name ~ '^[A-Za-z0-9._:-]{1,128}$'),
    chain_id       bigint      NOT NULL CHECK (chain_id > 0),
    block_number   bigint      NOT NULL CHECK (block_number >= -1),
    block_hash     bytea       CHECK (length(block_hash) = 32),
    updated_at     timestamptz NOT NULL
);

-- The processed blocks not yet deeper than the finality depth (older rows are pruned as finality
-- advances). A reorg walks back through these until a stored hash equals the chain's.
CREATE TABLE chain_follower_blocks (
    follower_name  text   NOT NULL REFERENCES chain_follower_cursors ON DELETE CASCADE,
    block_number   bigint NOT NULL CHECK (block_number >= 0),
    block_hash     bytea  NOT NULL CHECK (length(block_hash) = 32),
    parent_hash    bytea  NOT NULL CHECK (length(parent_hash) = 32),
    PRIMARY KEY (follower_name, block_number)
);

-- custodysettle_service is created by 0001_ledger.sql. A follower inserts and advances its cursor
-- (never deletes it) and adds, rolls back and prunes its stored blocks.
GRANT SELECT, INSERT, UPDATE ON chain_follower_cursors TO custodysettle_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON chain_follower_blocks TO custodysettle_service;
