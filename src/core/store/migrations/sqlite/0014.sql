-- Imports: each file brought in is one row, found again by its SHA-256 so
-- that the same file is not imported twice, and one audit row. The records
-- it brings keep its id: persons and households, past decisions (kept as
-- history, without a letter and outside the register's numbers), cases,
-- services received and payments.
--
-- A payment of the old system has no decision here, so a payment names a
-- decision or an import. Services may be counted in hours a week. Summer
-- camps join the catalogue of services: the county strategy counts them.

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('persons', 'households', 'cases', 'services', 'decisions',
                                     'payments')),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),
  rows INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),
  imported_at TEXT NOT NULL,
  staff_id INTEGER REFERENCES staff (id));

CREATE TABLE past_decisions (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports (id),
  number TEXT NOT NULL UNIQUE CHECK (number <> ''),
  issued_on TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  type_code TEXT NOT NULL REFERENCES benefit_types (code),
  outcome TEXT NOT NULL CHECK (outcome IN ('grant', 'partial', 'refuse')),
  amount_cents INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
  period_from TEXT,
  period_to TEXT,
  CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from));
CREATE INDEX past_decisions_person ON past_decisions (person_id);
CREATE INDEX past_decisions_issued ON past_decisions (issued_on);
CREATE TRIGGER past_decisions_unchangeable BEFORE UPDATE ON past_decisions
 WHEN NOT (NEW.id = OLD.id AND NEW.import_id = OLD.import_id AND NEW.number = OLD.number
  AND NEW.issued_on = OLD.issued_on AND NEW.type_code = OLD.type_code
  AND NEW.outcome = OLD.outcome AND NEW.amount_cents = OLD.amount_cents
  AND NEW.period_from IS OLD.period_from AND NEW.period_to IS OLD.period_to)
 BEGIN
  SELECT RAISE (ABORT, 'an imported decision cannot be changed');
 END;

CREATE TABLE payments_new (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER REFERENCES decisions (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  type_code TEXT NOT NULL,
  month TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  funding TEXT NOT NULL CHECK (funding IN ('municipal', 'state', 'project', 'client')),
  import_id INTEGER REFERENCES imports (id),
  CHECK ((decision_id IS NULL) <> (import_id IS NULL)));
INSERT INTO payments_new (id, decision_id, person_id, type_code, month, amount_cents, funding)
  SELECT id, decision_id, person_id, type_code, month, amount_cents, funding FROM payments;
DROP TABLE payments;
ALTER TABLE payments_new RENAME TO payments;
CREATE INDEX payments_month ON payments (month);
CREATE INDEX payments_decision ON payments (decision_id);

-- Imports are never deleted; the server's schema has the foreign keys.
ALTER TABLE persons ADD COLUMN import_id INTEGER;
ALTER TABLE households ADD COLUMN import_id INTEGER;
ALTER TABLE cases ADD COLUMN import_id INTEGER;
ALTER TABLE service_plans ADD COLUMN import_id INTEGER;
ALTER TABLE service_plans ADD COLUMN minutes_per_week INTEGER CHECK (minutes_per_week > 0);

-- Pairs of persons a head or an administrator found to be two people,
-- though they look registered twice (the same name and birth date or
-- address): not listed as possible duplicates again.
CREATE TABLE not_duplicates (
  person_id INTEGER NOT NULL REFERENCES persons (id),
  other_id INTEGER NOT NULL REFERENCES persons (id),
  decided_by INTEGER REFERENCES staff (id),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (person_id, other_id),
  CHECK (person_id < other_id)) WITHOUT ROWID;
-- Registering a client asks whether they are registered already: by birth
-- date and by address.
CREATE INDEX persons_birth_date ON persons (birth_date);
CREATE INDEX persons_address ON persons (lower (address));

INSERT INTO service_types (code, name_lv, name_en) VALUES ('camp', 'Nometnes', 'Camps');

-- Merging two records of one person moves everything of the one to the
-- other: an issued decision may then change its person, and nothing else
-- (besides the retention's one change, as before).
DROP TRIGGER decisions_immutable;
CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions
 WHEN NOT ((OLD.anonymised = 0 AND NEW.anonymised = 1 AND NEW.person_id = OLD.person_id AND
  NEW.id = OLD.id
  AND NEW.application_id = OLD.application_id AND NEW.number = OLD.number
  AND NEW.year = OLD.year AND NEW.seq = OLD.seq
  AND NEW.issued_on = OLD.issued_on AND NEW.outcome = OLD.outcome
  AND NEW.type_code = OLD.type_code AND NEW.amount_cents = OLD.amount_cents
  AND NEW.period_from IS OLD.period_from AND NEW.period_to IS OLD.period_to
  AND NEW.status_granted IS OLD.status_granted AND NEW.supersedes_id IS OLD.supersedes_id)
  OR (NEW.anonymised = OLD.anonymised AND NEW.id = OLD.id
  AND NEW.application_id = OLD.application_id AND NEW.number = OLD.number
  AND NEW.year = OLD.year AND NEW.seq = OLD.seq
  AND NEW.issued_on = OLD.issued_on AND NEW.outcome = OLD.outcome
  AND NEW.type_code = OLD.type_code AND NEW.amount_cents = OLD.amount_cents
  AND NEW.period_from IS OLD.period_from AND NEW.period_to IS OLD.period_to
  AND NEW.status_granted IS OLD.status_granted AND NEW.supersedes_id IS OLD.supersedes_id
  AND NEW.facts = OLD.facts AND NEW.legal_basis = OLD.legal_basis
  AND NEW.reasoning = OLD.reasoning AND NEW.decision_text = OLD.decision_text
  AND NEW.snapshot = OLD.snapshot AND NEW.drafter = OLD.drafter AND NEW.pdf = OLD.pdf
  AND NEW.pdf_sha256 = OLD.pdf_sha256))
 BEGIN
  SELECT RAISE (ABORT, 'an issued decision cannot be changed');
 END;
