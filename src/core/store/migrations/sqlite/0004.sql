-- a client's save counter, so a save over a colleague's newer change is
-- refused; each audit row's SHA-256 over the row, its changes and the
-- previous row's hash, so an edit anywhere breaks the chain from there on.
-- The rows already written are chained by seal_audit_chain ().

ALTER TABLE persons ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
