-- Margin calls (issue 7): one row per call as it stands, and the ordered log of every transition that
-- WatchMarginCalls streams from a sequence number. Writers hold an advisory lock until they commit,
-- so events become visible in sequence order.
CREATE TABLE margin_calls (
    call_id        uuid          PRIMARY KEY,
    desk_id        text          NOT NULL REFERENCES registry_desks,
    terms_version  integer       NOT NULL,
    amount         numeric(78,0) NOT NULL CHECK (amount > 0),
    delivered      numeric(78,0) NOT NULL CHECK (delivered >= 0),
    issued_at      timestamptz   NOT NULL,
    delivery_due   timestamptz   NOT NULL,
    defaults_at    timestamptz   NOT NULL,
    state          text          NOT NULL CHECK (state IN ('issued', 'acknowledged', 'disputed', 'partiallymet', 'met', 'settled', 'defaulted')),
    FOREIGN KEY (desk_id, terms_version) REFERENCES margin_credit_terms (desk_id, version)
);
-- At most one open (not yet met) call per desk.
CREATE UNIQUE INDEX margin_calls_open ON margin_calls (desk_id) WHERE state NOT IN ('met', 'settled');

CREATE TABLE margin_call_events (
    sequence  bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_id   uuid          NOT NULL REFERENCES margin_calls,
    desk_id   text          NOT NULL,
    state     text          NOT NULL,
    actor     text          NOT NULL,
    at        timestamptz   NOT NULL,
    reason    text          NOT NULL,
    amount    numeric(78,0)
);
CREATE INDEX margin_call_events_desk ON margin_call_events (desk_id, sequence);

GRANT SELECT, INSERT, UPDATE ON margin_calls TO custodysettle_service;
GRANT SELECT, INSERT ON margin_call_events TO custodysettle_service;
