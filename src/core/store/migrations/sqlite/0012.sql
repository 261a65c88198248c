-- anonymised means anonymised — the chain covers a salted hash of each
-- changed value instead of the value, so a value can be erased while the
-- chain still verifies (rehash_audit_chain () converts the rows, then
-- AUDIT_APPEND_ONLY lets an erasure, and nothing else, through). Open-ended
-- grants count as a number of months for four eyes and payments.

ALTER TABLE audit_changes ADD COLUMN salt BLOB;
ALTER TABLE audit_changes ADD COLUMN hash BLOB;
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_changes_no_update;
INSERT INTO settings VALUES ('open_ended_months', '12');
