-- Close-outs on default (issue 7): when configured, each perp position of a desk whose margin call
-- defaulted is closed against the venue's close-out account at the mark price. A row per position is
-- planned before anything is sent, marked sent with its transaction, then done (or failed) by the
-- receipt, so a restart never closes a position twice.
CREATE TABLE margin_closeouts (
    call_id         uuid          NOT NULL REFERENCES margin_calls,
    subaccount_id   numeric(78,0) NOT NULL,
    perp            text          NOT NULL,
    size            numeric(78,0) NOT NULL,
    status          text          NOT NULL CHECK (status IN ('planned', 'sent', 'done', 'failed')),
    transaction_hash text,
    detail          text          NOT NULL DEFAULT '',
    planned_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    PRIMARY KEY (call_id, subaccount_id, perp)
);
CREATE INDEX margin_closeouts_open ON margin_closeouts (call_id) WHERE status IN ('planned', 'sent');

GRANT SELECT, INSERT, UPDATE ON margin_closeouts TO custodysettle_service;
