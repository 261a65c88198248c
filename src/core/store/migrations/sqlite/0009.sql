-- four eyes — a decision granting more than the threshold in all is
-- issued only after a head other than the one who asked approves it.

CREATE TABLE approvals (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  requested_by INTEGER NOT NULL REFERENCES staff (id),
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by INTEGER REFERENCES staff (id),
  decided_at TEXT,
  note TEXT NOT NULL DEFAULT '',
  draft TEXT NOT NULL DEFAULT '',
  CHECK ((status = 'pending') = (decided_by IS NULL)),
  CHECK (decided_by IS NULL OR decided_by <> requested_by));
CREATE INDEX approvals_application ON approvals (application_id);
CREATE INDEX approvals_status ON approvals (status);
INSERT INTO settings VALUES ('approval_threshold_cents', '100000');
