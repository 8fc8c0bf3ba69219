-- Reconciliation (issue 6, "Reconciliation"): stored reports, breaks with a lifecycle, and the ordered
-- log of every change to a break that WatchBreaks streams from a sequence number.

-- A report is stored as the JSON it was produced as, so a report for any past run is served again unchanged.
CREATE TABLE recon_reports (
    report_id     uuid        PRIMARY KEY,
    request_id    uuid        UNIQUE,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    block_number  bigint      NOT NULL,
    body          jsonb       NOT NULL
);

-- break_key names what a break is about (type, desk, custodian, asset, subaccount): a condition seen again
-- in a later run updates the open break instead of opening another.
CREATE TABLE recon_breaks (
    break_id         uuid        PRIMARY KEY,
    break_key        text        NOT NULL,
    type             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    desk_id          text        NOT NULL,
    custodian_id     text        NOT NULL,
    asset            text        NOT NULL,
    expected         text        NOT NULL,
    actual           text        NOT NULL,
    evidence         jsonb       NOT NULL,
    first_report_id  uuid        NOT NULL,
    last_report_id   uuid        NOT NULL,
    opened_at        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    actor            text        NOT NULL DEFAULT '',
    reason           text        NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX recon_breaks_unresolved ON recon_breaks (break_key) WHERE status <> 'resolved';
CREATE INDEX recon_breaks_desk ON recon_breaks (desk_id, status);

CREATE TABLE recon_break_events (
    sequence     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    break_id     uuid        NOT NULL REFERENCES recon_breaks,
    body         jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL
);

GRANT SELECT, INSERT ON recon_reports, recon_break_events TO custodysettle_service;
GRANT SELECT, INSERT, UPDATE ON recon_breaks TO custodysettle_service;
