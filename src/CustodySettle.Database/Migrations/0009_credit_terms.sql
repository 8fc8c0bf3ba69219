-- Credit support terms per desk and valuation percentages (haircuts) per eligible asset (issue 7):
-- append-only histories, so the terms that applied to any past margin call are always answerable.
-- A change is a new version effective from when it was made; request_id makes a retry return it.

CREATE TABLE margin_credit_terms (
    desk_id                  text          NOT NULL REFERENCES registry_desks,
    version                  integer       NOT NULL CHECK (version > 0),
    effective_from           timestamptz   NOT NULL,
    request_id               uuid          NOT NULL UNIQUE,
    settlement_ledger_id     integer       NOT NULL REFERENCES ledger_assets,
    independent_amount       numeric(78,0) NOT NULL CHECK (independent_amount >= 0),
    threshold                numeric(78,0) NOT NULL CHECK (threshold >= 0),
    minimum_transfer_amount  numeric(78,0) NOT NULL CHECK (minimum_transfer_amount >= 0),
    rounding_unit            numeric(78,0) NOT NULL CHECK (rounding_unit > 0),
    delivery_deadline        interval      NOT NULL CHECK (delivery_deadline > interval '0'),
    cure_period              interval      NOT NULL CHECK (cure_period >= interval '0'),
    PRIMARY KEY (desk_id, version)
);
CREATE INDEX margin_credit_terms_effective ON margin_credit_terms (desk_id, effective_from DESC);

CREATE TABLE margin_haircuts (
    ledger_id       integer     NOT NULL REFERENCES ledger_assets,
    version         integer     NOT NULL CHECK (version > 0),
    effective_from  timestamptz NOT NULL,
    request_id      uuid        NOT NULL UNIQUE,
    valuation_bps   integer     NOT NULL CHECK (valuation_bps BETWEEN 0 AND 10000),
    PRIMARY KEY (ledger_id, version)
);

GRANT SELECT, INSERT ON margin_credit_terms, margin_haircuts TO custodysettle_service;
