-- Official documents from templates: the municipality's templates of every
-- kind of document, each save a new version kept for ever (until the first,
-- Gādība's own Latvian one is in use: version 0, not stored); the
-- certificates, contracts, referrals and co-operation agreements issued from
-- them, each with its own register of numbers, kept as issued with the
-- SHA-256 of its PDF; and the template version each decision's letter used.

CREATE TABLE document_templates (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL
    CHECK (kind IN ('decision', 'certificate', 'contract', 'referral', 'agreement')),
  version INTEGER NOT NULL CHECK (version > 0),
  body TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by INTEGER REFERENCES staff (id),
  UNIQUE (kind, version));
CREATE TRIGGER document_templates_immutable BEFORE UPDATE ON document_templates BEGIN
  SELECT RAISE (ABORT, 'a template''s version cannot be changed: save a new one');
END;
CREATE TRIGGER document_templates_undeletable BEFORE DELETE ON document_templates BEGIN
  SELECT RAISE (ABORT, 'a template''s version cannot be deleted');
END;
CREATE TABLE issued_document_counters (
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (kind, year));
CREATE TABLE issued_documents (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('certificate', 'contract', 'referral', 'agreement')),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  issued_on TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  subject TEXT NOT NULL,
  decision_id INTEGER REFERENCES decisions (id),
  plan_id INTEGER REFERENCES service_plans (id),
  snapshot TEXT NOT NULL,
  issued_by INTEGER REFERENCES staff (id),
  pdf BLOB NOT NULL,
  pdf_sha256 TEXT NOT NULL,
  anonymised INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, year, seq));
CREATE INDEX issued_documents_person ON issued_documents (person_id);
CREATE INDEX issued_documents_issued ON issued_documents (kind, issued_on);
-- Issued is issued: a merge may move it to the kept record, retention may
-- once drop its texts and PDF; nothing else changes, nothing goes.
CREATE TRIGGER issued_documents_immutable BEFORE UPDATE ON issued_documents
 WHEN NOT (NEW.id = OLD.id AND NEW.kind = OLD.kind AND NEW.number = OLD.number
  AND NEW.year = OLD.year AND NEW.seq = OLD.seq AND NEW.issued_on = OLD.issued_on
  AND NEW.template_version = OLD.template_version AND NEW.decision_id IS OLD.decision_id
  AND NEW.plan_id IS OLD.plan_id AND NEW.issued_by IS OLD.issued_by
  AND ((OLD.anonymised = 0 AND NEW.anonymised = 1 AND NEW.person_id = OLD.person_id)
   OR (NEW.anonymised = OLD.anonymised AND NEW.subject = OLD.subject
    AND NEW.snapshot = OLD.snapshot AND NEW.pdf = OLD.pdf AND NEW.pdf_sha256 = OLD.pdf_sha256)))
 BEGIN
  SELECT RAISE (ABORT, 'an issued document cannot be changed');
 END;
CREATE TRIGGER issued_documents_undeletable BEFORE DELETE ON issued_documents BEGIN
  SELECT RAISE (ABORT, 'an issued document cannot be deleted');
END;
ALTER TABLE decisions ADD COLUMN template_version INTEGER;
