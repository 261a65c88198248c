-- applications, assessment, decisions and their letters, payments, duties
-- Euro cents a month for the first and each other person; the housing
-- coefficients in hundredths. Published values, never computed.
-- An issued decision is an administrative act: it is never edited or removed.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO settings VALUES
  ('institution', 'Bauskas novada Sociālais dienests'),
  ('institution_reg_no', '90009999999'),
  ('institution_address', 'Slimnīcas iela 7, Bauska, Bauskas novads, LV-3901'),
  ('institution_phone', '+371 63900000'),
  ('institution_email', 'socialais.dienests@example.lv'),
  ('institution_e_address', 'Bauskas novada Sociālais dienests (e-adrese)'),
  ('place', 'Bauskā'),
  ('appeal_body', 'Bauskas novada domē'),
  ('appeal_address', 'Uzvaras ielā 1, Bauskā, LV-3901'),
  ('number_pattern', '{year}/SD-{seq:6}'),
  ('signer_position', 'Sociālā dienesta vadītāja'),
  ('signer_name', 'I. Kalniņa'),
  ('e_signed', '1');
CREATE TABLE rates (
  kind TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  first INTEGER NOT NULL CHECK (first >= 0),
  other INTEGER NOT NULL CHECK (other >= 0),
  PRIMARY KEY (kind, valid_from)) WITHOUT ROWID;
INSERT INTO rates VALUES
  ('gmi', '2021-01-01', 10900, 7600), ('gmi', '2023-07-01', 12500, 8750),
  ('gmi', '2024-01-01', 13700, 9600), ('gmi', '2025-01-01', 16600, 11600),
  ('gmi', '2026-01-01', 18700, 13100),
  ('needy', '2021-01-01', 27200, 19000), ('needy', '2023-07-01', 31300, 21900),
  ('needy', '2024-01-01', 34300, 24000), ('needy', '2025-01-01', 37700, 26400),
  ('needy', '2026-01-01', 42500, 29800),
  ('low-income-ceiling', '2021-01-01', 43600, 30500),
  ('low-income-ceiling', '2023-07-01', 50100, 35100),
  ('low-income-ceiling', '2024-01-01', 54900, 38400),
  ('low-income-ceiling', '2025-01-01', 60400, 42300),
  ('low-income-ceiling', '2026-01-01', 68000, 47600),
  ('low-income', '2021-01-01', 43600, 30500), ('low-income', '2023-07-01', 50100, 35100),
  ('low-income', '2024-01-01', 54900, 38400), ('low-income', '2025-01-01', 60400, 42300),
  ('low-income', '2026-01-01', 68000, 47600),
  ('housing-k-alone', '2021-01-01', 250, 0),
  ('housing-k-pensioners', '2021-01-01', 200, 0),
  ('housing-k-other', '2021-01-01', 150, 0);
CREATE TABLE legal_clauses (
  id INTEGER PRIMARY KEY,
  type_code TEXT NOT NULL,
  text TEXT NOT NULL);
INSERT INTO legal_clauses (type_code, text) VALUES
  ('gmi', 'Sociālo pakalpojumu un sociālās palīdzības likuma 33. panta pirmā daļa'),
  ('gmi', 'Sociālo pakalpojumu un sociālās palīdzības likuma 36. panta pirmā daļa'),
  ('gmi', 'Ministru kabineta 2020. gada 17. decembra noteikumu Nr. 809 „Noteikumi par'
   || ' mājsaimniecības materiālās situācijas izvērtēšanu un sociālās palīdzības saņemšanu“'
   || ' 2. punkts'),
  ('housing', 'Sociālo pakalpojumu un sociālās palīdzības likuma 36. panta otrā daļa'),
  ('housing', 'Pašvaldības saistošie noteikumi par mājokļa pabalstu'),
  ('*', 'Administratīvā procesa likuma 70. panta pirmā daļa'),
  ('*', 'Administratīvā procesa likuma 76. panta otrā daļa un 79. panta pirmā daļa'),
  ('*', 'Pašvaldības saistošie noteikumi par sociālās palīdzības pabalstiem');
CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  household_id INTEGER REFERENCES households (id),
  type_code TEXT NOT NULL,
  received_on TEXT NOT NULL,
  incoming_no TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'assessing', 'decided')));
CREATE INDEX applications_person ON applications (person_id);
CREATE TABLE application_documents (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  name TEXT NOT NULL CHECK (name <> ''),
  dated TEXT);
CREATE TABLE incomes (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  kind TEXT NOT NULL CHECK (kind IN ('wage', 'pension', 'benefit', 'other')),
  monthly_cents INTEGER NOT NULL CHECK (monthly_cents >= 0));
CREATE INDEX incomes_application ON incomes (application_id);
CREATE TABLE housing_costs (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  kind TEXT NOT NULL,
  monthly_cents INTEGER NOT NULL CHECK (monthly_cents >= 0));
CREATE TABLE decision_counters (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL);
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  issued_on TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('grant', 'partial', 'refuse')),
  type_code TEXT NOT NULL,
  amount_cents INTEGER NOT NULL DEFAULT 0,
  period_from TEXT,
  period_to TEXT,
  status_granted TEXT CHECK (status_granted IN ('needy', 'low-income')),
  facts TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  reasoning TEXT NOT NULL,
  decision_text TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  drafter TEXT NOT NULL,
  supersedes_id INTEGER REFERENCES decisions (id),
  pdf BLOB NOT NULL,
  pdf_sha256 TEXT NOT NULL,
  UNIQUE (year, seq));
CREATE INDEX decisions_person ON decisions (person_id);
CREATE INDEX decisions_issued ON decisions (issued_on);
CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions BEGIN
  SELECT RAISE (ABORT, 'an issued decision cannot be changed');
END;
CREATE TRIGGER decisions_undeletable BEFORE DELETE ON decisions BEGIN
  SELECT RAISE (ABORT, 'an issued decision cannot be deleted');
END;
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decisions (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  type_code TEXT NOT NULL,
  month TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  funding TEXT NOT NULL CHECK (funding IN ('municipal', 'state', 'project', 'client')));
CREATE INDEX payments_month ON payments (month);
CREATE INDEX payments_decision ON payments (decision_id);
CREATE TABLE duties (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decisions (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  text TEXT NOT NULL CHECK (text <> ''),
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'failed')),
  recorded_on TEXT);
CREATE INDEX duties_person ON duties (person_id, due_on);
