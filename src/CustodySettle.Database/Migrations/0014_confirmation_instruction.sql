-- The instruction a confirmation carried out (ConfirmTransferRequest.instruction_id) is part of what it
-- confirms: recorded with it, so a resend naming another instruction, or none where the first named
-- one (or the reverse), is a conflict on instruction_id like any changed field, not a silent replay.
-- Existing confirmations take the instruction that names them as its executor.
ALTER TABLE custody_confirmations ADD COLUMN instruction_id uuid REFERENCES custody_instructions;

UPDATE custody_confirmations c SET instruction_id = i.instruction_id
FROM custody_instructions i
WHERE i.custodian_id = c.custodian_id AND i.confirmation_id = c.confirmation_id;
