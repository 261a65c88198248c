-- the foundation — territories, staff, persons, households, cases, catalogues, audit
-- The registry lists open cases and the responsible worker for every row;
-- keeping them on the person makes that a plain indexed read.

CREATE TABLE territories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''));
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  position TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',
  territory_id INTEGER REFERENCES territories (id));
CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length (code) = 11),
  first_name TEXT NOT NULL CHECK (first_name <> ''),
  last_name TEXT NOT NULL CHECK (last_name <> ''),
  gender TEXT CHECK (gender IN ('M', 'F')),
  birth_date TEXT,
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  territory_id INTEGER REFERENCES territories (id),
  key_lf TEXT NOT NULL,
  key_fl TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  open_cases INTEGER NOT NULL DEFAULT 0,
  worker_id INTEGER REFERENCES staff (id),
  updated_at TEXT NOT NULL);
CREATE INDEX persons_key_lf ON persons (key_lf);
CREATE INDEX persons_key_fl ON persons (key_fl);
CREATE INDEX persons_sort_key ON persons (sort_key);
CREATE TABLE person_codes (
  code TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  valid_to TEXT) WITHOUT ROWID;
CREATE INDEX person_codes_person ON person_codes (person_id);
CREATE TABLE households (
  id INTEGER PRIMARY KEY,
  address TEXT NOT NULL DEFAULT '',
  territory_id INTEGER REFERENCES territories (id));
CREATE TABLE household_members (
  id INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES households (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  relation TEXT NOT NULL,
  from_date TEXT NOT NULL,
  to_date TEXT,
  CHECK (to_date IS NULL OR to_date >= from_date));
CREATE INDEX household_members_person ON household_members (person_id);
CREATE INDEX household_members_household ON household_members (household_id);
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  worker_id INTEGER NOT NULL REFERENCES staff (id),
  target_groups TEXT NOT NULL DEFAULT '',
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  closing_reason TEXT,
  notes TEXT NOT NULL DEFAULT '',
  CHECK ((closed_on IS NULL) = (closing_reason IS NULL)),
  CHECK (closed_on IS NULL OR closed_on >= opened_on));
CREATE INDEX cases_person ON cases (person_id);
CREATE TRIGGER cases_summary_insert AFTER INSERT ON cases BEGIN
  UPDATE persons SET
    open_cases = (SELECT count(*) FROM cases WHERE person_id = NEW.person_id
                  AND closed_on IS NULL),
    worker_id = (SELECT worker_id FROM cases WHERE person_id = NEW.person_id
                 AND closed_on IS NULL ORDER BY opened_on DESC, id DESC LIMIT 1)
  WHERE id = NEW.person_id;
END;
CREATE TRIGGER cases_summary_update AFTER UPDATE ON cases BEGIN
  UPDATE persons SET
    open_cases = (SELECT count(*) FROM cases WHERE person_id = NEW.person_id
                  AND closed_on IS NULL),
    worker_id = (SELECT worker_id FROM cases WHERE person_id = NEW.person_id
                 AND closed_on IS NULL ORDER BY opened_on DESC, id DESC LIMIT 1)
  WHERE id = NEW.person_id;
END;
CREATE TABLE benefit_types (
  code TEXT PRIMARY KEY,
  name_lv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  income_tested INTEGER NOT NULL DEFAULT 1);
INSERT INTO benefit_types VALUES
  ('gmi', 'Pabalsts garantētā minimālā ienākumu līmeņa nodrošināšanai',
   'Guaranteed minimum income benefit', 1),
  ('housing', 'Mājokļa pabalsts', 'Housing benefit', 1),
  ('housing-orphan', 'Dzīvokļa pabalsts bārenim vai bez vecāku gādības palikušam bērnam',
   'Housing benefit for an orphan or a child left without parental care', 0),
  ('emergency', 'Vienreizējs pabalsts ārkārtas situācijā',
   'One-off benefit in an emergency', 0),
  ('funeral', 'Apbedīšanas pabalsts', 'Funeral benefit', 0),
  ('foster', 'Pabalsts audžuģimenēm, aizbildņiem un bāreņiem',
   'Benefit for foster families, guardians and orphans', 0),
  ('school-meals', 'Brīvpusdienas skolā un ēdināšana pirmsskolā',
   'Free school lunches and pre-school meals', 1),
  ('school-start', 'Pabalsts mācību gada sākumam', 'School-year start benefit', 1),
  ('medical', 'Medicīnisko izdevumu daļēja apmaksa',
   'Partial payment of medical expenses', 1),
  ('transport', 'Transporta izdevumu kompensācija', 'Transport expenses', 1),
  ('after-prison', 'Vienreizējs pabalsts pēc atbrīvošanas no ieslodzījuma',
   'One-off benefit after release from prison', 0),
  ('sauna', 'Pirts apmeklējuma pabalsts', 'Sauna or bath visit benefit', 1),
  ('home-adaptation', 'Mājokļa pielāgošana personām ratiņkrēslā',
   'Home adaptation for wheelchair users', 0);
CREATE TABLE service_types (
  code TEXT PRIMARY KEY,
  name_lv TEXT NOT NULL,
  name_en TEXT NOT NULL);
INSERT INTO service_types VALUES
  ('home-care', 'Aprūpe mājās', 'Home care'),
  ('safety-button', 'Drošības poga', 'Safety button'),
  ('family-assistant', 'Ģimenes asistents', 'Family assistant'),
  ('nanny', 'Auklīšu dienests', 'Nanny service'),
  ('psychologist', 'Psihologa konsultācijas', 'Psychologist'),
  ('lawyer', 'Jurista konsultācijas', 'Lawyer'),
  ('support-group', 'Atbalsta grupa', 'Support group'),
  ('respite', 'Atelpas brīža pakalpojums', 'Respite care'),
  ('individual-budget', 'Individuālā budžeta modelis', 'Individual budget model'),
  ('hygiene-centre', 'Higiēnas centrs', 'Hygiene centre'),
  ('group-apartment', 'Grupu dzīvoklis', 'Group apartment'),
  ('long-term-care', 'Ilgstošas sociālās aprūpes institūcija',
   'Long-term care institution'),
  ('night-shelter', 'Naktspatversme', 'Night shelter'),
  ('crisis-room', 'Krīzes istaba', 'Crisis room');
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES staff (id),
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  person_id INTEGER,
  action TEXT NOT NULL);
CREATE INDEX audit_log_person ON audit_log (person_id, id);
CREATE TABLE audit_changes (
  audit_id INTEGER NOT NULL REFERENCES audit_log (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT);
CREATE INDEX audit_changes_audit ON audit_changes (audit_id);
