-- Return calls (issue 7): a margin call is a delivery (the desk delivers) or a return (excess goes
-- back to the desk). A return is cancelled if the excess is gone before the desk accepts it, and is
-- carried out by an instruction to the custodian. A desk has at most one open call of each kind.
ALTER TABLE margin_calls ADD COLUMN kind text NOT NULL DEFAULT 'delivery' CHECK (kind IN ('delivery', 'return'));
ALTER TABLE margin_calls ADD COLUMN instruction_id uuid REFERENCES custody_instructions;
ALTER TABLE margin_calls DROP CONSTRAINT margin_calls_state_check;
ALTER TABLE margin_calls ADD CONSTRAINT margin_calls_state_check
    CHECK (state IN ('issued', 'acknowledged', 'disputed', 'partiallymet', 'met', 'settled', 'defaulted', 'cancelled'));
DROP INDEX margin_calls_open;
CREATE UNIQUE INDEX margin_calls_open ON margin_calls (desk_id, kind) WHERE state NOT IN ('met', 'settled', 'cancelled');
