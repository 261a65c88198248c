-- retention — a client whose cases closed long ago is anonymised: the
-- person's identifying data and free texts go, figures stay. An issued
-- decision may change once, only to drop its texts and letter.

ALTER TABLE persons ADD COLUMN anonymised_on TEXT;
ALTER TABLE decisions ADD COLUMN anonymised INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER decisions_immutable;
CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions
 WHEN NOT (OLD.anonymised = 0 AND NEW.anonymised = 1 AND NEW.id = OLD.id
  AND NEW.application_id = OLD.application_id AND NEW.person_id = OLD.person_id
  AND NEW.number = OLD.number AND NEW.year = OLD.year AND NEW.seq = OLD.seq
  AND NEW.issued_on = OLD.issued_on AND NEW.outcome = OLD.outcome
  AND NEW.type_code = OLD.type_code AND NEW.amount_cents = OLD.amount_cents
  AND NEW.period_from IS OLD.period_from AND NEW.period_to IS OLD.period_to
  AND NEW.status_granted IS OLD.status_granted AND NEW.supersedes_id IS OLD.supersedes_id)
 BEGIN
  SELECT RAISE (ABORT, 'an issued decision cannot be changed');
 END;
INSERT INTO settings VALUES ('retention_years', '10');
