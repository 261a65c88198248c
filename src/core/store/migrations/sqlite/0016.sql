-- Case records (ieraksti): what a social worker writes in a case every day —
-- a home visit, a talk at the office, a phone call, a meeting with another
-- institution, a letter. The author may correct a record for 24 hours;
-- after that it is locked, and a correction is a new record that names the
-- one it corrects. Every version is in the audit log. The client's id is
-- kept on the record too, for the rights and the merges that follow it.

CREATE TABLE case_records (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  kind TEXT NOT NULL CHECK (kind IN ('home-visit', 'office-visit', 'phone-call',
                                     'institution-meeting', 'letter', 'other')),
  occurred_on TEXT NOT NULL,
  participants TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL CHECK (text <> ''),
  author_id INTEGER NOT NULL REFERENCES staff (id),
  written_at TEXT NOT NULL,
  corrects_id INTEGER REFERENCES case_records (id),
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX case_records_case ON case_records (case_id, occurred_on DESC, id DESC);
CREATE INDEX case_records_person ON case_records (person_id);
