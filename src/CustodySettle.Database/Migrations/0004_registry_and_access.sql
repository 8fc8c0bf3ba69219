-- Who CustodySettle serves (issue 6): desks, custodians, the Derive subaccounts each desk trades, and
-- the API keys every call authenticates with. Assets are ledger_assets (0001): one ledger each.

CREATE TABLE registry_custodians (
    custodian_id  text        PRIMARY KEY CHECK (custodian_id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    display_name  text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    created_at    timestamptz NOT NULL
);

CREATE TABLE registry_desks (
    desk_id         text        PRIMARY KEY CHECK (desk_id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    display_name    text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    -- Lower-case hex, 20 bytes: the holder of the desk's custody tokens on the venue's chain.
    wallet_address  text        NOT NULL UNIQUE CHECK (wallet_address ~ '^0x[0-9a-f]{40}$'),
    created_at      timestamptz NOT NULL
);

-- A Derive SubAccounts token id belongs to one desk; reconciliation reads the subaccounts listed here.
CREATE TABLE registry_subaccounts (
    subaccount_id  numeric(78,0) PRIMARY KEY CHECK (subaccount_id >= 0),
    desk_id        text          NOT NULL REFERENCES registry_desks,
    created_at     timestamptz   NOT NULL
);
CREATE INDEX registry_subaccounts_desk ON registry_subaccounts (desk_id);

-- API keys: the bearer token is csk_<key_id as 32 hex>_<secret>; only SHA-256 of the whole token is
-- kept. request_id makes a create or rotation idempotent (a replay returns the same key, without its
-- secret, which is not stored).
CREATE TABLE access_api_keys (
    key_id              uuid        PRIMARY KEY,
    token_sha256        bytea       NOT NULL CHECK (length(token_sha256) = 32),
    role                text        NOT NULL CHECK (role IN ('desk', 'custodian', 'auditor', 'operator')),
    scope_id            text        NOT NULL,
    label               text        NOT NULL CHECK (length(label) <= 200),
    request_id          uuid        UNIQUE,
    -- For a rotation: the key it replaced (a replay must name the same one).
    rotation_of         uuid        REFERENCES access_api_keys,
    created_at          timestamptz NOT NULL,
    revoked_at          timestamptz,
    replaced_by_key_id  uuid        REFERENCES access_api_keys,
    -- Desks and custodians speak for one of them; auditors and operators for nobody in particular.
    CHECK ((role IN ('desk', 'custodian')) = (scope_id <> ''))
);

GRANT SELECT, INSERT ON registry_custodians, registry_desks, registry_subaccounts TO custodysettle_service;
GRANT SELECT, INSERT, UPDATE ON access_api_keys TO custodysettle_service;
