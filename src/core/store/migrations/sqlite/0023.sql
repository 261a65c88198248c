-- Client surveys (the strategy's result indicators): a questionnaire of
-- questions in versions, runs of one questionnaire in a series, and the
-- responses typed in from paper or imported, anonymous unless the client's
-- consent links them. A questionnaire changed after responses came gets a
-- new version; the old questions stay with the answers they have.

CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  series_id INTEGER REFERENCES surveys (id),
  title TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT,
  service_code TEXT,
  group_entry_id INTEGER REFERENCES schedule_entries (id),
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES staff (id),
  created_at TEXT NOT NULL);
CREATE TABLE survey_questions (
  id INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys (id),
  version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'scale', 'number', 'text')),
  text TEXT NOT NULL,
  choices TEXT NOT NULL DEFAULT '',
  respondent INTEGER NOT NULL DEFAULT 0 CHECK (respondent IN (0, 1)),
  UNIQUE (survey_id, version, code));
CREATE TABLE survey_responses (
  id INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys (id),
  version INTEGER NOT NULL,
  person_id INTEGER REFERENCES persons (id),
  source TEXT NOT NULL CHECK (source IN ('paper', 'import')),
  entered_by INTEGER REFERENCES staff (id),
  entered_at TEXT NOT NULL);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id);
CREATE INDEX survey_responses_person ON survey_responses (person_id);
CREATE TABLE survey_answers (
  response_id INTEGER NOT NULL REFERENCES survey_responses (id),
  question_id INTEGER NOT NULL REFERENCES survey_questions (id),
  value TEXT NOT NULL);
CREATE INDEX survey_answers_response ON survey_answers (response_id);
