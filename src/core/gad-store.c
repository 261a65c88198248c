/* gad-store.c — opening, migrations, transactions and the audit log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "gad-audit-text.h"
#include "gad-password.h"
#include "gad-store-private.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-store-error-quark, gad_store_error)
G_DEFINE_FINAL_TYPE (GadStore, gad_store, G_TYPE_OBJECT)

/* Numbered migrations: entry N brings the schema from version N to N + 1.
 * Never edit one that has shipped; add the next. */
static const char *migrations[] = {
  /* 1: the foundation — territories, staff, persons, households, cases, catalogues, audit */
  "CREATE TABLE territories ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''));"
  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  position TEXT NOT NULL DEFAULT '',"
  "  department TEXT NOT NULL DEFAULT '',"
  "  territory_id INTEGER REFERENCES territories (id));"
  "CREATE TABLE persons ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE CHECK (length (code) = 11),"
  "  first_name TEXT NOT NULL CHECK (first_name <> ''),"
  "  last_name TEXT NOT NULL CHECK (last_name <> ''),"
  "  gender TEXT CHECK (gender IN ('M', 'F')),"
  "  birth_date TEXT,"
  "  address TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  territory_id INTEGER REFERENCES territories (id),"
  "  key_lf TEXT NOT NULL,"
  "  key_fl TEXT NOT NULL,"
  "  sort_key TEXT NOT NULL,"
  "  open_cases INTEGER NOT NULL DEFAULT 0,"
  "  worker_id INTEGER REFERENCES staff (id),"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX persons_key_lf ON persons (key_lf);"
  "CREATE INDEX persons_key_fl ON persons (key_fl);"
  "CREATE INDEX persons_sort_key ON persons (sort_key);"
  "CREATE TABLE person_codes ("
  "  code TEXT PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  valid_to TEXT) WITHOUT ROWID;"
  "CREATE INDEX person_codes_person ON person_codes (person_id);"
  "CREATE TABLE households ("
  "  id INTEGER PRIMARY KEY,"
  "  address TEXT NOT NULL DEFAULT '',"
  "  territory_id INTEGER REFERENCES territories (id));"
  "CREATE TABLE household_members ("
  "  id INTEGER PRIMARY KEY,"
  "  household_id INTEGER NOT NULL REFERENCES households (id),"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  relation TEXT NOT NULL,"
  "  from_date TEXT NOT NULL,"
  "  to_date TEXT,"
  "  CHECK (to_date IS NULL OR to_date >= from_date));"
  "CREATE INDEX household_members_person ON household_members (person_id);"
  "CREATE INDEX household_members_household ON household_members (household_id);"
  "CREATE TABLE cases ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  worker_id INTEGER NOT NULL REFERENCES staff (id),"
  "  target_groups TEXT NOT NULL DEFAULT '',"
  "  opened_on TEXT NOT NULL,"
  "  closed_on TEXT,"
  "  closing_reason TEXT,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  CHECK ((closed_on IS NULL) = (closing_reason IS NULL)),"
  "  CHECK (closed_on IS NULL OR closed_on >= opened_on));"
  "CREATE INDEX cases_person ON cases (person_id);"
  /* The registry lists open cases and the responsible worker for every row;
   * keeping them on the person makes that a plain indexed read. */
  "CREATE TRIGGER cases_summary_insert AFTER INSERT ON cases BEGIN"
  "  UPDATE persons SET"
  "    open_cases = (SELECT count(*) FROM cases WHERE person_id = NEW.person_id"
  "                  AND closed_on IS NULL),"
  "    worker_id = (SELECT worker_id FROM cases WHERE person_id = NEW.person_id"
  "                 AND closed_on IS NULL ORDER BY opened_on DESC, id DESC LIMIT 1)"
  "  WHERE id = NEW.person_id;"
  "END;"
  "CREATE TRIGGER cases_summary_update AFTER UPDATE ON cases BEGIN"
  "  UPDATE persons SET"
  "    open_cases = (SELECT count(*) FROM cases WHERE person_id = NEW.person_id"
  "                  AND closed_on IS NULL),"
  "    worker_id = (SELECT worker_id FROM cases WHERE person_id = NEW.person_id"
  "                 AND closed_on IS NULL ORDER BY opened_on DESC, id DESC LIMIT 1)"
  "  WHERE id = NEW.person_id;"
  "END;"
  "CREATE TABLE benefit_types ("
  "  code TEXT PRIMARY KEY,"
  "  name_lv TEXT NOT NULL,"
  "  name_en TEXT NOT NULL,"
  "  income_tested INTEGER NOT NULL DEFAULT 1);"
  "INSERT INTO benefit_types VALUES"
  "  ('gmi', 'Pabalsts garantētā minimālā ienākumu līmeņa nodrošināšanai',"
  "   'Guaranteed minimum income benefit', 1),"
  "  ('housing', 'Mājokļa pabalsts', 'Housing benefit', 1),"
  "  ('housing-orphan', 'Dzīvokļa pabalsts bārenim vai bez vecāku gādības palikušam bērnam',"
  "   'Housing benefit for an orphan or a child left without parental care', 0),"
  "  ('emergency', 'Vienreizējs pabalsts ārkārtas situācijā',"
  "   'One-off benefit in an emergency', 0),"
  "  ('funeral', 'Apbedīšanas pabalsts', 'Funeral benefit', 0),"
  "  ('foster', 'Pabalsts audžuģimenēm, aizbildņiem un bāreņiem',"
  "   'Benefit for foster families, guardians and orphans', 0),"
  "  ('school-meals', 'Brīvpusdienas skolā un ēdināšana pirmsskolā',"
  "   'Free school lunches and pre-school meals', 1),"
  "  ('school-start', 'Pabalsts mācību gada sākumam', 'School-year start benefit', 1),"
  "  ('medical', 'Medicīnisko izdevumu daļēja apmaksa',"
  "   'Partial payment of medical expenses', 1),"
  "  ('transport', 'Transporta izdevumu kompensācija', 'Transport expenses', 1),"
  "  ('after-prison', 'Vienreizējs pabalsts pēc atbrīvošanas no ieslodzījuma',"
  "   'One-off benefit after release from prison', 0),"
  "  ('sauna', 'Pirts apmeklējuma pabalsts', 'Sauna or bath visit benefit', 1),"
  "  ('home-adaptation', 'Mājokļa pielāgošana personām ratiņkrēslā',"
  "   'Home adaptation for wheelchair users', 0);"
  "CREATE TABLE service_types ("
  "  code TEXT PRIMARY KEY,"
  "  name_lv TEXT NOT NULL,"
  "  name_en TEXT NOT NULL);"
  "INSERT INTO service_types VALUES"
  "  ('home-care', 'Aprūpe mājās', 'Home care'),"
  "  ('safety-button', 'Drošības poga', 'Safety button'),"
  "  ('family-assistant', 'Ģimenes asistents', 'Family assistant'),"
  "  ('nanny', 'Auklīšu dienests', 'Nanny service'),"
  "  ('psychologist', 'Psihologa konsultācijas', 'Psychologist'),"
  "  ('lawyer', 'Jurista konsultācijas', 'Lawyer'),"
  "  ('support-group', 'Atbalsta grupa', 'Support group'),"
  "  ('respite', 'Atelpas brīža pakalpojums', 'Respite care'),"
  "  ('individual-budget', 'Individuālā budžeta modelis', 'Individual budget model'),"
  "  ('hygiene-centre', 'Higiēnas centrs', 'Hygiene centre'),"
  "  ('group-apartment', 'Grupu dzīvoklis', 'Group apartment'),"
  "  ('long-term-care', 'Ilgstošas sociālās aprūpes institūcija',"
  "   'Long-term care institution'),"
  "  ('night-shelter', 'Naktspatversme', 'Night shelter'),"
  "  ('crisis-room', 'Krīzes istaba', 'Crisis room');"
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor_id INTEGER REFERENCES staff (id),"
  "  actor TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER NOT NULL,"
  "  person_id INTEGER,"
  "  action TEXT NOT NULL);"
  "CREATE INDEX audit_log_person ON audit_log (person_id, id);"
  "CREATE TABLE audit_changes ("
  "  audit_id INTEGER NOT NULL REFERENCES audit_log (id),"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT);"
  "CREATE INDEX audit_changes_audit ON audit_changes (audit_id);",

  /* 2: applications, assessment, decisions and their letters, payments, duties */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL) WITHOUT ROWID;"
  "INSERT INTO settings VALUES"
  "  ('institution', 'Bauskas novada Sociālais dienests'),"
  "  ('institution_reg_no', '90009999999'),"
  "  ('institution_address', 'Slimnīcas iela 7, Bauska, Bauskas novads, LV-3901'),"
  "  ('institution_phone', '+371 63900000'),"
  "  ('institution_email', 'socialais.dienests@example.lv'),"
  "  ('institution_e_address', 'Bauskas novada Sociālais dienests (e-adrese)'),"
  "  ('place', 'Bauskā'),"
  "  ('appeal_body', 'Bauskas novada domē'),"
  "  ('appeal_address', 'Uzvaras ielā 1, Bauskā, LV-3901'),"
  "  ('number_pattern', '{year}/SD-{seq:6}'),"
  "  ('signer_position', 'Sociālā dienesta vadītāja'),"
  "  ('signer_name', 'I. Kalniņa'),"
  "  ('e_signed', '1');"
  "CREATE TABLE rates ("
  "  kind TEXT NOT NULL,"
  "  valid_from TEXT NOT NULL,"
  "  first INTEGER NOT NULL CHECK (first >= 0),"
  "  other INTEGER NOT NULL CHECK (other >= 0),"
  "  PRIMARY KEY (kind, valid_from)) WITHOUT ROWID;"
  /* Euro cents a month for the first and each other person; the housing
   * coefficients in hundredths. Published values, never computed. */
  "INSERT INTO rates VALUES"
  "  ('gmi', '2021-01-01', 10900, 7600), ('gmi', '2023-07-01', 12500, 8750),"
  "  ('gmi', '2024-01-01', 13700, 9600), ('gmi', '2025-01-01', 16600, 11600),"
  "  ('gmi', '2026-01-01', 18700, 13100),"
  "  ('needy', '2021-01-01', 27200, 19000), ('needy', '2023-07-01', 31300, 21900),"
  "  ('needy', '2024-01-01', 34300, 24000), ('needy', '2025-01-01', 37700, 26400),"
  "  ('needy', '2026-01-01', 42500, 29800),"
  "  ('low-income-ceiling', '2021-01-01', 43600, 30500),"
  "  ('low-income-ceiling', '2023-07-01', 50100, 35100),"
  "  ('low-income-ceiling', '2024-01-01', 54900, 38400),"
  "  ('low-income-ceiling', '2025-01-01', 60400, 42300),"
  "  ('low-income-ceiling', '2026-01-01', 68000, 47600),"
  "  ('low-income', '2021-01-01', 43600, 30500), ('low-income', '2023-07-01', 50100, 35100),"
  "  ('low-income', '2024-01-01', 54900, 38400), ('low-income', '2025-01-01', 60400, 42300),"
  "  ('low-income', '2026-01-01', 68000, 47600),"
  "  ('housing-k-alone', '2021-01-01', 250, 0),"
  "  ('housing-k-pensioners', '2021-01-01', 200, 0),"
  "  ('housing-k-other', '2021-01-01', 150, 0);"
  "CREATE TABLE legal_clauses ("
  "  id INTEGER PRIMARY KEY,"
  "  type_code TEXT NOT NULL,"
  "  text TEXT NOT NULL);"
  "INSERT INTO legal_clauses (type_code, text) VALUES"
  "  ('gmi', 'Sociālo pakalpojumu un sociālās palīdzības likuma 33. panta pirmā daļa'),"
  "  ('gmi', 'Sociālo pakalpojumu un sociālās palīdzības likuma 36. panta pirmā daļa'),"
  "  ('gmi', 'Ministru kabineta 2020. gada 17. decembra noteikumu Nr. 809 „Noteikumi par"
  " mājsaimniecības materiālās situācijas izvērtēšanu un sociālās palīdzības saņemšanu“"
  " 2. punkts'),"
  "  ('housing', 'Sociālo pakalpojumu un sociālās palīdzības likuma 36. panta otrā daļa'),"
  "  ('housing', 'Pašvaldības saistošie noteikumi par mājokļa pabalstu'),"
  "  ('*', 'Administratīvā procesa likuma 70. panta pirmā daļa'),"
  "  ('*', 'Administratīvā procesa likuma 76. panta otrā daļa un 79. panta pirmā daļa'),"
  "  ('*', 'Pašvaldības saistošie noteikumi par sociālās palīdzības pabalstiem');"
  "CREATE TABLE applications ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  household_id INTEGER REFERENCES households (id),"
  "  type_code TEXT NOT NULL,"
  "  received_on TEXT NOT NULL,"
  "  incoming_no TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'received'"
  "    CHECK (status IN ('received', 'assessing', 'decided')));"
  "CREATE INDEX applications_person ON applications (person_id);"
  "CREATE TABLE application_documents ("
  "  id INTEGER PRIMARY KEY,"
  "  application_id INTEGER NOT NULL REFERENCES applications (id),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  dated TEXT);"
  "CREATE TABLE incomes ("
  "  id INTEGER PRIMARY KEY,"
  "  application_id INTEGER NOT NULL REFERENCES applications (id),"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  kind TEXT NOT NULL CHECK (kind IN ('wage', 'pension', 'benefit', 'other')),"
  "  monthly_cents INTEGER NOT NULL CHECK (monthly_cents >= 0));"
  "CREATE INDEX incomes_application ON incomes (application_id);"
  "CREATE TABLE housing_costs ("
  "  id INTEGER PRIMARY KEY,"
  "  application_id INTEGER NOT NULL REFERENCES applications (id),"
  "  kind TEXT NOT NULL,"
  "  monthly_cents INTEGER NOT NULL CHECK (monthly_cents >= 0));"
  "CREATE TABLE decision_counters ("
  "  year INTEGER PRIMARY KEY,"
  "  last INTEGER NOT NULL);"
  "CREATE TABLE decisions ("
  "  id INTEGER PRIMARY KEY,"
  "  application_id INTEGER NOT NULL REFERENCES applications (id),"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  number TEXT NOT NULL UNIQUE,"
  "  year INTEGER NOT NULL,"
  "  seq INTEGER NOT NULL,"
  "  issued_on TEXT NOT NULL,"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('grant', 'partial', 'refuse')),"
  "  type_code TEXT NOT NULL,"
  "  amount_cents INTEGER NOT NULL DEFAULT 0,"
  "  period_from TEXT,"
  "  period_to TEXT,"
  "  status_granted TEXT CHECK (status_granted IN ('needy', 'low-income')),"
  "  facts TEXT NOT NULL,"
  "  legal_basis TEXT NOT NULL,"
  "  reasoning TEXT NOT NULL,"
  "  decision_text TEXT NOT NULL,"
  "  snapshot TEXT NOT NULL,"
  "  drafter TEXT NOT NULL,"
  "  supersedes_id INTEGER REFERENCES decisions (id),"
  "  pdf BLOB NOT NULL,"
  "  pdf_sha256 TEXT NOT NULL,"
  "  UNIQUE (year, seq));"
  "CREATE INDEX decisions_person ON decisions (person_id);"
  "CREATE INDEX decisions_issued ON decisions (issued_on);"
  /* An issued decision is an administrative act: it is never edited or removed. */
  "CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions BEGIN"
  "  SELECT RAISE (ABORT, 'an issued decision cannot be changed');"
  "END;"
  "CREATE TRIGGER decisions_undeletable BEFORE DELETE ON decisions BEGIN"
  "  SELECT RAISE (ABORT, 'an issued decision cannot be deleted');"
  "END;"
  "CREATE TABLE payments ("
  "  id INTEGER PRIMARY KEY,"
  "  decision_id INTEGER NOT NULL REFERENCES decisions (id),"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  type_code TEXT NOT NULL,"
  "  month TEXT NOT NULL,"
  "  amount_cents INTEGER NOT NULL,"
  "  funding TEXT NOT NULL CHECK (funding IN ('municipal', 'state', 'project', 'client')));"
  "CREATE INDEX payments_month ON payments (month);"
  "CREATE INDEX payments_decision ON payments (decision_id);"
  "CREATE TABLE duties ("
  "  id INTEGER PRIMARY KEY,"
  "  decision_id INTEGER NOT NULL REFERENCES decisions (id),"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  text TEXT NOT NULL CHECK (text <> ''),"
  "  due_on TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'failed')),"
  "  recorded_on TEXT);"
  "CREATE INDEX duties_person ON duties (person_id, due_on);",

  /* 3: services received, the budget and what was spent beyond benefits */
  "CREATE TABLE service_plans ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  service_code TEXT NOT NULL REFERENCES service_types (code),"
  "  level INTEGER,"
  "  period_from TEXT NOT NULL,"
  "  period_to TEXT,"
  "  staff_id INTEGER REFERENCES staff (id),"
  "  CHECK (period_to IS NULL OR period_to >= period_from));"
  "CREATE INDEX service_plans_person ON service_plans (person_id);"
  "CREATE INDEX service_plans_service ON service_plans (service_code, period_from);"
  "CREATE TABLE budget ("
  "  year INTEGER NOT NULL,"
  "  source TEXT NOT NULL CHECK (source IN ('municipal', 'state', 'project', 'client')),"
  "  programme TEXT NOT NULL DEFAULT '',"
  "  planned_cents INTEGER NOT NULL CHECK (planned_cents >= 0),"
  "  PRIMARY KEY (year, source, programme)) WITHOUT ROWID;"
  "CREATE TABLE expenditures ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL,"
  "  source TEXT NOT NULL CHECK (source IN ('municipal', 'state', 'project', 'client')),"
  "  programme TEXT NOT NULL DEFAULT '',"
  "  amount_cents INTEGER NOT NULL);"
  "CREATE INDEX expenditures_year ON expenditures (year, source);",

  /* 4: a client's save counter, so a save over a colleague's newer change is
   * refused; each audit row's SHA-256 over the row, its changes and the
   * previous row's hash, so an edit anywhere breaks the chain from there on.
   * The rows already written are chained by seal_audit_chain (). */
  "ALTER TABLE persons ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE audit_log ADD COLUMN hash TEXT;",

  /* 5: the audit log is append-only */
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log is append-only');"
  "END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log is append-only');"
  "END;"
  "CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log is append-only');"
  "END;"
  "CREATE TRIGGER audit_changes_no_delete BEFORE DELETE ON audit_changes BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log is append-only');"
  "END;",

  /* 6: schedules — entries once or weekly in Europe/Riga wall-clock time,
   * what happened to each occurrence, group participants and attendance,
   * home-care co-payments; what plans and persons need for their rules */
  "ALTER TABLE persons ADD COLUMN disability_group INTEGER"
  "  CHECK (disability_group BETWEEN 1 AND 3);"
  "ALTER TABLE service_plans ADD COLUMN client_group TEXT"
  "  CHECK (client_group IN ('families', 'mental', 'young-adults'));"
  "ALTER TABLE service_plans ADD COLUMN override_reason TEXT;"
  "CREATE INDEX service_plans_staff ON service_plans (staff_id);"
  "CREATE TABLE schedule_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('visit', 'appointment', 'reception', 'group')),"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id),"
  "  person_id INTEGER REFERENCES persons (id),"
  "  plan_id INTEGER REFERENCES service_plans (id),"
  "  territory_id INTEGER REFERENCES territories (id),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  start_date TEXT NOT NULL,"
  "  start_time TEXT NOT NULL,"
  "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 1440),"
  "  weekdays INTEGER NOT NULL DEFAULT 0 CHECK (weekdays BETWEEN 0 AND 127),"
  "  until_date TEXT,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  override_reason TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1,"
  "  CHECK (until_date IS NULL OR until_date >= start_date),"
  "  CHECK (kind <> 'visit' OR plan_id IS NOT NULL),"
  "  CHECK (kind NOT IN ('visit', 'appointment') OR person_id IS NOT NULL));"
  "CREATE INDEX schedule_entries_start ON schedule_entries (start_date);"
  "CREATE INDEX schedule_entries_staff ON schedule_entries (staff_id);"
  "CREATE INDEX schedule_entries_person ON schedule_entries (person_id);"
  "CREATE TABLE schedule_occurrences ("
  "  entry_id INTEGER NOT NULL REFERENCES schedule_entries (id),"
  "  date TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (status IN ('planned', 'cancelled', 'done', 'missed')),"
  "  moved_date TEXT,"
  "  moved_time TEXT,"
  "  staff_id INTEGER REFERENCES staff (id),"
  "  actual_minutes INTEGER CHECK (actual_minutes >= 0),"
  "  reason TEXT,"
  "  override_reason TEXT,"
  "  PRIMARY KEY (entry_id, date)) WITHOUT ROWID;"
  "CREATE INDEX schedule_occurrences_date ON schedule_occurrences (date);"
  "CREATE INDEX schedule_occurrences_moved ON schedule_occurrences (moved_date);"
  "CREATE TABLE group_participants ("
  "  entry_id INTEGER NOT NULL REFERENCES schedule_entries (id),"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  PRIMARY KEY (entry_id, person_id)) WITHOUT ROWID;"
  "CREATE TABLE group_attendance ("
  "  entry_id INTEGER NOT NULL REFERENCES schedule_entries (id),"
  "  date TEXT NOT NULL,"
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  present INTEGER NOT NULL CHECK (present IN (0, 1)),"
  "  PRIMARY KEY (entry_id, date, person_id)) WITHOUT ROWID;"
  "CREATE TABLE client_payments ("
  "  person_id INTEGER NOT NULL REFERENCES persons (id),"
  "  month TEXT NOT NULL,"
  "  service_code TEXT NOT NULL REFERENCES service_types (code),"
  "  minutes INTEGER NOT NULL,"
  "  free_minutes INTEGER NOT NULL,"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),"
  "  PRIMARY KEY (person_id, month, service_code)) WITHOUT ROWID;"
  "CREATE INDEX client_payments_month ON client_payments (month);"
  /* Cents an hour. */
  "INSERT INTO rates VALUES ('home-care-hour', '2012-01-01', 380, 0);"
  "INSERT INTO settings VALUES"
  "  ('family_assistant_families', '4'),"
  "  ('family_assistant_mental', '4'),"
  "  ('family_assistant_young_adults', '6'),"
  "  ('reception_slot_minutes', '30');",

  /* 7: retention — a client whose cases closed long ago is anonymised: the
   * person's identifying data and free texts go, figures stay. An issued
   * decision may change once, only to drop its texts and letter. */
  "ALTER TABLE persons ADD COLUMN anonymised_on TEXT;"
  "ALTER TABLE decisions ADD COLUMN anonymised INTEGER NOT NULL DEFAULT 0;"
  "DROP TRIGGER decisions_immutable;"
  "CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions"
  " WHEN NOT (OLD.anonymised = 0 AND NEW.anonymised = 1 AND NEW.id = OLD.id"
  "  AND NEW.application_id = OLD.application_id AND NEW.person_id = OLD.person_id"
  "  AND NEW.number = OLD.number AND NEW.year = OLD.year AND NEW.seq = OLD.seq"
  "  AND NEW.issued_on = OLD.issued_on AND NEW.outcome = OLD.outcome"
  "  AND NEW.type_code = OLD.type_code AND NEW.amount_cents = OLD.amount_cents"
  "  AND NEW.period_from IS OLD.period_from AND NEW.period_to IS OLD.period_to"
  "  AND NEW.status_granted IS OLD.status_granted AND NEW.supersedes_id IS OLD.supersedes_id)"
  " BEGIN"
  "  SELECT RAISE (ABORT, 'an issued decision cannot be changed');"
  " END;"
  "INSERT INTO settings VALUES ('retention_years', '10');",

  /* 8: accounts — a staff member who signs in has a unique name, an Argon2id
   * hash (never the password) and one role. Failed sign-ins are counted per
   * name typed, whether or not it exists, to slow guessing down. */
  "ALTER TABLE staff ADD COLUMN username TEXT;"
  "ALTER TABLE staff ADD COLUMN password_hash TEXT;"
  "ALTER TABLE staff ADD COLUMN role TEXT CHECK (role IN"
  "  ('administrator', 'head', 'social-worker', 'clerk', 'auditor'));"
  "ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));"
  "CREATE UNIQUE INDEX staff_username ON staff (username);"
  "CREATE TABLE sign_in_failures ("
  "  username TEXT PRIMARY KEY,"
  "  count INTEGER NOT NULL,"
  "  last_at TEXT NOT NULL) WITHOUT ROWID;"
  "INSERT INTO settings VALUES ('idle_lock_minutes', '10');",

  /* 9: four eyes — a decision granting more than the threshold in all is
   * issued only after a head other than the one who asked approves it. */
  "CREATE TABLE approvals ("
  "  id INTEGER PRIMARY KEY,"
  "  application_id INTEGER NOT NULL REFERENCES applications (id),"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),"
  "  requested_by INTEGER NOT NULL REFERENCES staff (id),"
  "  requested_at TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'pending'"
  "    CHECK (status IN ('pending', 'approved', 'rejected')),"
  "  decided_by INTEGER REFERENCES staff (id),"
  "  decided_at TEXT,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  draft TEXT NOT NULL DEFAULT '',"
  "  CHECK ((status = 'pending') = (decided_by IS NULL)),"
  "  CHECK (decided_by IS NULL OR decided_by <> requested_by));"
  "CREATE INDEX approvals_application ON approvals (application_id);"
  "CREATE INDEX approvals_status ON approvals (status);"
  "INSERT INTO settings VALUES ('approval_threshold_cents', '100000');",

  /* 10: save counters on cases and service plans too, so two windows never
   * overwrite each other's change there either. */
  "ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE service_plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;",

  /* 11: and on applications, whose incomes and housing costs are entered
   * as one list. */
  "ALTER TABLE applications ADD COLUMN version INTEGER NOT NULL DEFAULT 1;",

  /* 12: anonymised means anonymised — the chain covers a salted hash of each
   * changed value instead of the value, so a value can be erased while the
   * chain still verifies (rehash_audit_chain () converts the rows, then
   * AUDIT_APPEND_ONLY lets an erasure, and nothing else, through). Open-ended
   * grants count as a number of months for four eyes and payments. */
  "ALTER TABLE audit_changes ADD COLUMN salt BLOB;"
  "ALTER TABLE audit_changes ADD COLUMN hash BLOB;"
  "DROP TRIGGER audit_log_no_update;"
  "DROP TRIGGER audit_changes_no_update;"
  "INSERT INTO settings VALUES ('open_ended_months', '12');",
};

/* After migration 12: the log is append-only, but for erasing a value (with
 * its salt) and keeping its hash. */
#define AUDIT_APPEND_ONLY \
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN" \
  "  SELECT RAISE (ABORT, 'the audit log is append-only');" \
  "END;" \
  "CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes" \
  " WHEN NOT (NEW.audit_id = OLD.audit_id AND NEW.field = OLD.field" \
  "  AND NEW.hash IS OLD.hash" \
  "  AND NEW.salt IS NULL AND NEW.old_value IS NULL AND NEW.new_value IS NULL)" \
  " BEGIN" \
  "  SELECT RAISE (ABORT, 'the audit log is append-only');" \
  " END;"

int
gad_store_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
gad_store_finalize (GObject *object)
{
  GadStore *self = GAD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->username);
  g_free (self->department);
  G_OBJECT_CLASS (gad_store_parent_class)->finalize (object);
}

static void
gad_store_class_init (GadStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gad_store_finalize;
}

static void
gad_store_init (GadStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
  self->actor = g_strdup ("gadiba");
  self->department = g_strdup ("");
}

gboolean
gad_store_fail (GadStore  *self,
                GError   **error)
{
  int code = sqlite3_extended_errcode (self->db);

  if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("The record refers to something that no longer exists. Reload and try again."));
  else if ((code & 0xff) == SQLITE_BUSY)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                 _("The database is busy in another window. Try again in a moment."));
  else
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                 _("The database could not be read or written (%s). Nothing was changed."),
                 sqlite3_errmsg (self->db));
  return FALSE;
}

/* Statements are prepared once per connection and kept: SQL text is always a
 * literal in this module, so its address is a stable key. */
sqlite3_stmt *
gad_store_statement (GadStore    *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      gad_store_fail (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
gad_store_step_done (GadStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return gad_store_fail (self, error);
  return TRUE;
}

char *
gad_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

/* Steps @stmt to the end, turning each row into a record with @row. */
GPtrArray *
gad_store_collect (GadStore       *self,
                   sqlite3_stmt   *stmt,
                   gpointer      (*row) (sqlite3_stmt *stmt),
                   GDestroyNotify  free_func,
                   GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gad_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* The first column of the first row of @sql with @key bound to ?1, or 0. */
gint64
gad_store_lookup_id (GadStore   *self,
                     const char *sql,
                     gint64      key)
{
  sqlite3_stmt *stmt = gad_store_statement (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Like gad_store_lookup_id() for a text column; NULL when there is no row. */
char *
gad_store_lookup_text (GadStore   *self,
                       const char *sql,
                       gint64      key)
{
  sqlite3_stmt *stmt = gad_store_statement (self, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = gad_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

char *
gad_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
exec (GadStore    *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return gad_store_fail (self, error);
  return TRUE;
}

/* Nested calls become savepoints, so one bad record in a batch can be undone
 * without losing the rest of the batch's transaction. */
gboolean
gad_store_begin (GadStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT gad_%u", self->depth);
  if (!exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
gad_store_commit (GadStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE gad_%u", self->depth - 1);
  if (!exec (self, sql, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  if (--self->depth < self->import_depth)
    self->import_depth = 0;
  return TRUE;
}

void
gad_store_rollback (GadStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->depth > 0);

  sql = self->depth == 1
          ? g_strdup ("ROLLBACK")
          : g_strdup_printf ("ROLLBACK TO gad_%u; RELEASE gad_%u", self->depth - 1,
                             self->depth - 1);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (--self->depth < self->import_depth)
    self->import_depth = 0;
}

static gboolean seal_audit_chain (GadStore *self, GError **error);
static gboolean rehash_audit_chain (GadStore *self, GError **error);

static gboolean
migrate (GadStore  *self,
         int        target,
         GError   **error)
{
  sqlite3_stmt *stmt;
  int version;

  stmt = gad_store_statement (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return gad_store_fail (self, error);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (version > gad_store_schema_version ())
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Gādība (schema %d; this "
                     "version knows up to %d). Install the newer version to open it."),
                   version, gad_store_schema_version ());
      return FALSE;
    }

  for (; version < target; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!gad_store_begin (self, error))
        return FALSE;
      if (!exec (self, migrations[version], error) || !exec (self, bump, error) ||
          (version + 1 == 4 && !seal_audit_chain (self, error)) ||
          (version + 1 == 12 && !rehash_audit_chain (self, error)))
        {
          gad_store_rollback (self);
          return FALSE;
        }
      if (!gad_store_commit (self, error))
        return FALSE;
    }
  return TRUE;
}

char *
gad_store_default_path (void)
{
  const char *env = g_getenv ("GADIBA_DB");

  if (env && *env)
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "gadiba", "gadiba.db", NULL);
}

/**
 * gad_store_open:
 * @path: the database file; created empty, with its folder, if it does not exist
 *
 * Opens a connection, sets the pragmas data people must not lose needs, and
 * brings the schema up to date. Each thread that works with the data opens
 * its own store.
 */
GadStore *
gad_store_open (const char  *path,
                GError     **error)
{
  return gad_store_open_upto (path, gad_store_schema_version (), error);
}

/* gad_store_open(), bringing the schema up to @target only: for the tests
 * of an upgrade from an older version. */
GadStore *
gad_store_open_upto (const char  *path,
                     int          target,
                     GError     **error)
{
  g_autoptr(GadStore) self = NULL;
  g_autofree char *dir = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (GAD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  /* Client files are special-category data: a new database is the owner's alone. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (path, O_CREAT | O_WRONLY, 0600);
      if (fd >= 0)
        close (fd);
    }
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not open the database “%s”: %s"), path, sqlite3_errmsg (self->db));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* The first read tells whether the file is a database at all. */
  stmt = gad_store_statement (self, "PRAGMA journal_mode = WAL", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Gādība database. Choose another file."), path);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (!exec (self, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", error)
      || !migrate (self, target, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
gad_store_get_path (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  return self->path;
}

/* Who writes now: a staff member's name, or the fallback. */
const char *
gad_store_actor_name (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  return self->actor;
}

static void
field_change_clear (GadFieldChange *c)
{
  g_clear_pointer (&c->old_value, g_free);
  g_clear_pointer (&c->new_value, g_free);
}

/* A list of field changes; g_array_unref() frees it with its values. */
GArray *
gad_field_changes_new (void)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (GadFieldChange));

  g_array_set_clear_func (changes, (GDestroyNotify) field_change_clear);
  return changes;
}

/* Records a field only when it really changed; NULL and "" are the same. */
void
gad_field_changes_add (GArray     *changes,
                       const char *field,
                       const char *old_value,
                       const char *new_value)
{
  GadFieldChange change = { field, NULL, NULL };

  if (g_strcmp0 (old_value && *old_value ? old_value : NULL,
                 new_value && *new_value ? new_value : NULL) == 0)
    return;
  change.old_value = old_value && *old_value ? g_strdup (old_value) : NULL;
  change.new_value = new_value && *new_value ? g_strdup (new_value) : NULL;
  g_array_append_val (changes, change);
}

/* The text a row's hash covers: the previous hash, the row, its changes,
 * fields apart by a unit separator, NULL as a record separator. */
static void
hash_field (GChecksum  *sum,
            const char *value)
{
  g_checksum_update (sum, (const guchar *) (value ? value : "\x1e"), -1);
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
}

static char *
row_hash (const char *prev,
          gint64      id,
          const char *at,
          gint64      actor_id,
          const char *actor,
          const char *entity,
          gint64      entity_id,
          gint64      person_id,
          const char *action,
          guint       n_changes,
          const char *(*change) (gpointer data, guint i, guint part),
          gpointer    data)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *numbers = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %"
                                              G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                              id, actor_id, entity_id, person_id);

  hash_field (sum, prev);
  hash_field (sum, numbers);
  hash_field (sum, at);
  hash_field (sum, actor);
  hash_field (sum, entity);
  hash_field (sum, action);
  for (guint i = 0; i < n_changes; i++)
    for (guint part = 0; part < 3; part++)
      hash_field (sum, change (data, i, part));
  return g_strdup (g_checksum_get_string (sum));
}

/* How a change's values enter the chain: SHA-256 over a random salt (hex)
 * and the old and new value. Anonymisation erases the values with their salt
 * and keeps the hash, so the chain still verifies and the values cannot be
 * guessed back from it. The salt is 8 random bytes and the hash the first
 * 16 bytes of the SHA-256: a log of millions of changes stays small, and
 * forging a value to match is still a 2¹²⁸ search. */
#define SALT_BYTES 8
#define HASH_BYTES 16

static char *
change_hash (const char *salt,
             const char *old_value,
             const char *new_value)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  hash_field (sum, salt);
  hash_field (sum, old_value);
  hash_field (sum, new_value);
  return g_strndup (g_checksum_get_string (sum), 2 * HASH_BYTES);
}

/* Binds @hex (2 × @size digits) as a BLOB of @size bytes. */
static void
bind_hex (sqlite3_stmt *stmt,
          int           column,
          const char   *hex,
          gsize         size)
{
  guint8 *bytes = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    bytes[i] = g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]);
  sqlite3_bind_blob (stmt, column, bytes, size, g_free);
}

static const char *
strv_change (gpointer data,
             guint    i,
             guint    part)
{
  GPtrArray *parts = data;

  return g_ptr_array_index (parts, 3 * i + part);
}

/* Called inside the write's own transaction, so the row and its audit entry
 * are committed together or not at all. Takes @changes. */
gboolean
gad_store_audit (GadStore    *self,
                 const char  *entity,
                 gint64       entity_id,
                 gint64       person_id,
                 const char  *action,
                 GArray      *changes,
                 GError     **error)
{
  g_autofree char *now = gad_store_now ();
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GPtrArray) salts = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  sqlite3_stmt *stmt;
  gint64 audit_id;
  gboolean ok = TRUE;
  int rc;

  g_assert (self->depth > 0);

  /* The transaction holds the write lock: nobody else appends in between. */
  stmt = gad_store_statement (self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    {
      if (changes)
        g_array_unref (changes);
      return FALSE;
    }
  audit_id = 1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      audit_id = sqlite3_column_int64 (stmt, 0) + 1;
      prev = gad_store_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      if (changes)
        g_array_unref (changes);
      return gad_store_fail (self, error);
    }
  /* The chain covers each change's field and the hash of its values. */
  salts = g_ptr_array_new_with_free_func (g_free);
  parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; changes && i < changes->len; i++)
    {
      GadFieldChange *c = &g_array_index (changes, GadFieldChange, i);
      char *salt = gad_random_hex (SALT_BYTES);

      g_ptr_array_add (salts, salt);
      g_ptr_array_add (parts, g_strdup (c->field));
      g_ptr_array_add (parts, change_hash (salt, c->old_value, c->new_value));
      g_ptr_array_add (parts, NULL);
    }
  hash = row_hash (prev, audit_id, now, self->actor_id, self->actor, entity, entity_id,
                   MAX (person_id, 0), action, salts->len, strv_change, parts);

  stmt = gad_store_statement (self,
                              "INSERT INTO audit_log (id, at, actor_id, actor, entity, entity_id,"
                              " person_id, action, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_bind_int64 (stmt, 1, audit_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      if (self->actor_id > 0)
        sqlite3_bind_int64 (stmt, 3, self->actor_id);
      sqlite3_bind_text (stmt, 4, self->actor, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, entity, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, entity_id);
      if (person_id > 0)
        sqlite3_bind_int64 (stmt, 7, person_id);
      sqlite3_bind_text (stmt, 8, action, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_STATIC);
      ok = gad_store_step_done (self, stmt, error);
    }

  for (guint i = 0; ok && changes && i < changes->len; i++)
    {
      GadFieldChange *c = &g_array_index (changes, GadFieldChange, i);

      stmt = gad_store_statement (self,
                                  "INSERT INTO audit_changes (audit_id, field, old_value,"
                                  " new_value, salt, hash) VALUES (?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (stmt, 1, audit_id);
      sqlite3_bind_text (stmt, 2, c->field, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, c->old_value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, c->new_value, -1, SQLITE_STATIC);
      bind_hex (stmt, 5, g_ptr_array_index (salts, i), SALT_BYTES);
      bind_hex (stmt, 6, g_ptr_array_index (parts, 3 * i + 1), HASH_BYTES);
      ok = gad_store_step_done (self, stmt, error);
    }

  if (changes)
    g_array_unref (changes);
  return ok;
}

/* Every row of @stmt as a NULL-terminated vector of its @n_columns texts. */
static gboolean
read_rows (GadStore      *self,
           sqlite3_stmt  *stmt,
           int            n_columns,
           GPtrArray     *rows,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, n_columns + 1);

      for (int c = 0; c < n_columns; c++)
        row[c] = gad_store_column_dup (stmt, c);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || gad_store_fail (self, error);
}

typedef enum
{
  CHAIN_VERIFY,   /* find the first row that does not match */
  CHAIN_SEAL,     /* migration 4: hash the rows written before the chain */
  CHAIN_REHASH,   /* migration 12: chain over value hashes instead of values */
} ChainMode;

/* A row's changes as the chain covers them: field, old and new value
 * before migration 12; field and the hash of its values after it. Values are
 * checked against their hash unless erased (values and salt gone). With
 * CHAIN_REHASH every change gets its salt and hash now. */
static gboolean
load_chain_parts (GadStore   *self,
                  gint64      audit_id,
                  ChainMode   mode,
                  gboolean    by_value,
                  GPtrArray  *parts,
                  gboolean   *intact,
                  GError    **error)
{
  /* Before migration 12 the salt and hash columns do not exist. */
  sqlite3_stmt *stmt = gad_store_statement (self, by_value && mode != CHAIN_REHASH
                                            ? "SELECT rowid, field, old_value, new_value, NULL,"
                                              " NULL FROM audit_changes"
                                              " WHERE audit_id = ? ORDER BY rowid"
                                            : "SELECT rowid, field, old_value, new_value,"
                                              " lower (hex (salt)), lower (hex (hash))"
                                              " FROM audit_changes"
                                              " WHERE audit_id = ? ORDER BY rowid",
                                            error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, audit_id);
  if (!read_rows (self, stmt, 6, rows, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (mode == CHAIN_REHASH)
        {
          g_free (row[4]), g_free (row[5]);
          row[4] = gad_random_hex (SALT_BYTES);
          row[5] = change_hash (row[4], row[2], row[3]);
          stmt = gad_store_statement (self, "UPDATE audit_changes SET salt = ?2, hash = ?3"
                                            " WHERE rowid = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (row[0], NULL, 10));
          bind_hex (stmt, 2, row[4], SALT_BYTES);
          bind_hex (stmt, 3, row[5], HASH_BYTES);
          if (!gad_store_step_done (self, stmt, error))
            return FALSE;
        }
      else if (!by_value)
        {
          g_autofree char *expected = row[4] && *row[4] ? change_hash (row[4], row[2], row[3])
                                                        : NULL;

          if (expected ? g_strcmp0 (expected, row[5]) != 0 : row[2] != NULL || row[3] != NULL)
            *intact = FALSE;
        }
      g_ptr_array_add (parts, g_strdup (row[1]));
      g_ptr_array_add (parts, g_strdup (row[by_value ? 2 : 5]));
      g_ptr_array_add (parts, by_value ? g_strdup (row[3]) : NULL);
    }
  return TRUE;
}

/* Recomputes the chain from the first row; the first row that does not
 * match, or whose id leaves a gap, is returned in @broken_id. @by_value: the
 * chain as it was before migration 12. */
static gboolean
walk_audit_chain (GadStore  *self,
                  ChainMode  mode,
                  gboolean   by_value,
                  gint64    *broken_id,
                  gint64    *n_rows,
                  GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *prev = NULL;
  sqlite3_stmt *stmt;

  *broken_id = 0;
  *n_rows = 0;
  stmt = gad_store_statement (self,
                              "SELECT id, at, coalesce (actor_id, 0), actor, entity, entity_id,"
                              " coalesce (person_id, 0), action, hash FROM audit_log ORDER BY id",
                              error);
  if (stmt == NULL || !read_rows (self, stmt, 9, rows, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      gint64 id = g_ascii_strtoll (row[0], NULL, 10);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *expected = NULL;
      gboolean intact = TRUE;

      if (!load_chain_parts (self, id, mode, by_value, parts, &intact, error))
        return FALSE;
      expected = row_hash (prev, id, row[1], g_ascii_strtoll (row[2], NULL, 10), row[3], row[4],
                           g_ascii_strtoll (row[5], NULL, 10), g_ascii_strtoll (row[6], NULL, 10),
                           row[7], parts->len / 3, strv_change, parts);
      (*n_rows)++;
      if ((mode == CHAIN_SEAL && row[8] == NULL) || mode == CHAIN_REHASH)
        {
          stmt = gad_store_statement (self, "UPDATE audit_log SET hash = ? WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, expected, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, id);
          if (!gad_store_step_done (self, stmt, error))
            return FALSE;
          g_free (row[8]);
          row[8] = g_strdup (expected);
        }
      if (!intact || g_strcmp0 (expected, row[8]) != 0
          || (i > 0 && id != g_ascii_strtoll (((char **) g_ptr_array_index (rows, i - 1))[0],
                                              NULL, 10) + 1))
        {
          *broken_id = id;
          return TRUE;
        }
      g_free (prev);
      prev = g_strdup (row[8]);
    }
  return TRUE;
}

/* Run by migration 4, before the log becomes append-only. */
static gboolean
seal_audit_chain (GadStore  *self,
                  GError   **error)
{
  gint64 broken_id, n_rows;

  return walk_audit_chain (self, CHAIN_SEAL, TRUE, &broken_id, &n_rows, error);
}

/* Run by migration 12: the chain as it stands must hold; then every value
 * gets its salt and hash and the chain is computed again over the hashes. */
static gboolean
rehash_audit_chain (GadStore  *self,
                    GError   **error)
{
  gint64 broken_id, n_rows;

  if (!walk_audit_chain (self, CHAIN_VERIFY, TRUE, &broken_id, &n_rows, error))
    return FALSE;
  if (broken_id != 0)
    {
      g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, broken_id);

      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The audit log was changed at entry %s, so this database is not brought up "
                     "to date. Restore it from a backup."),
                   entry);
      return FALSE;
    }
  return walk_audit_chain (self, CHAIN_REHASH, FALSE, &broken_id, &n_rows, error)
         && exec (self, AUDIT_APPEND_ONLY, error);
}

/**
 * gad_store_verify_audit:
 * @broken_id: (out): the first row whose hash does not match, or 0
 * @n_rows: (out): how many rows were checked
 *
 * Recomputes the audit log's hash chain from the first row.
 *
 * Returns: %TRUE when it could be read; then @broken_id says whether it holds
 */
gboolean
gad_store_verify_audit (GadStore  *self,
                        gint64    *broken_id,
                        gint64    *n_rows,
                        GError   **error)
{
  return walk_audit_chain (self, CHAIN_VERIFY, FALSE, broken_id, n_rows, error);
}

static gpointer
audit_entry_from_row (sqlite3_stmt *stmt)
{
  GadAuditEntry *e = g_new0 (GadAuditEntry, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->at = gad_store_column_dup (stmt, 1);
  e->actor = gad_store_column_dup (stmt, 2);
  e->entity = gad_store_column_dup (stmt, 3);
  e->entity_id = sqlite3_column_int64 (stmt, 4);
  e->action = gad_store_column_dup (stmt, 5);
  e->person_id = sqlite3_column_int64 (stmt, 6);
  e->person_name = gad_store_column_dup (stmt, 7);
  return e;
}

static gpointer
audit_change_from_row (sqlite3_stmt *stmt)
{
  GadAuditChange *c = g_new0 (GadAuditChange, 1);

  c->field = gad_store_column_dup (stmt, 0);
  c->old_value = gad_store_column_dup (stmt, 1);
  c->new_value = gad_store_column_dup (stmt, 2);
  return c;
}

static gboolean
load_changes (GadStore   *self,
              GPtrArray  *entries,
              GError    **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      GadAuditEntry *e = g_ptr_array_index (entries, i);
      sqlite3_stmt *stmt = gad_store_statement (self,
                                                "SELECT field, old_value, new_value FROM audit_changes"
                                                " WHERE audit_id = ? ORDER BY rowid",
                                                error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, e->id);
      e->changes = gad_store_collect (self, stmt, audit_change_from_row,
                                      (GDestroyNotify) gad_audit_change_free, error);
      if (e->changes == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The log, newest first; a client's part of it is what concerns them and the
 * households they belong or belonged to. The two texts are two statements,
 * so each keeps its own index plan. */
#define AUDIT_SELECT \
  "SELECT l.id, l.at, l.actor, l.entity, l.entity_id, l.action," \
  " coalesce (l.person_id, 0), p.last_name || ' ' || p.first_name" \
  " FROM audit_log l LEFT JOIN persons p ON p.id = l.person_id" \
  " WHERE (?1 IS NULL OR l.actor = ?1)" \
  " AND (?2 IS NULL OR l.at >= ?2)" \
  " AND (?3 IS NULL OR l.at < ?3)"
#define AUDIT_ORDER " ORDER BY l.id DESC LIMIT ?4"

/* The start of a local day (the workstation's time zone) as the log's UTC
 * timestamps read, @days after @iso_date; NULL for no date. */
static char *
local_day_start_utc (const char *iso_date,
                     int         days)
{
  GDate d;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (iso_date == NULL || !gad_text_parse_date (iso_date, &d))
    return NULL;
  g_date_add_days (&d, days);
  local = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d),
                                 g_date_get_day (&d), 0, 0, 0);
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GPtrArray *
query_audit (GadStore    *self,
             gint64       person_id,
             const char  *actor,
             const char  *from,
             const char  *to,
             guint        limit,
             GError     **error)
{
  static const char *everyone = AUDIT_SELECT AUDIT_ORDER;
  static const char *one_client =
    AUDIT_SELECT
    " AND (l.person_id = ?5"
    "      OR (l.entity = 'household' AND l.entity_id IN"
    "          (SELECT household_id FROM household_members WHERE person_id = ?5)))"
    AUDIT_ORDER;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *since = local_day_start_utc (from, 0);
  g_autofree char *before = local_day_start_utc (to, 1);
  sqlite3_stmt *stmt;

  stmt = gad_store_statement (self, person_id ? one_client : everyone, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, since, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, before, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, limit ? (gint64) limit : -1);
  if (person_id)
    sqlite3_bind_int64 (stmt, 5, person_id);
  entries = gad_store_collect (self, stmt, audit_entry_from_row,
                               (GDestroyNotify) gad_audit_entry_free, error);
  if (entries == NULL || !load_changes (self, entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/**
 * gad_store_list_audit:
 *
 * A client's history, as their file shows it: every change to the client,
 * their cases, memberships and households, and every opening of the file.
 */
GPtrArray *
gad_store_list_audit (GadStore  *self,
                      gint64     person_id,
                      GError   **error)
{
  /* A client's history goes with their file; the whole log with the audit right. */
  if (!gad_store_can (self, GAD_RIGHT_AUDIT, 0)
      && !gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  return query_audit (self, person_id, NULL, NULL, NULL, 0, error);
}

/**
 * gad_store_query_audit:
 * @person_id: only what concerns this client; 0 for the whole service
 * @actor: (nullable): only what this staff member did (as the log names them)
 * @from: (nullable): the first day, ISO 8601, in the workstation's time zone
 * @to: (nullable): the last day
 * @limit: at most this many, newest first; 0 for all
 *
 * The service's audit log, filtered: every change and every opening of a
 * client's file, with the client it concerns. Needs the audit right.
 */
GPtrArray *
gad_store_query_audit (GadStore    *self,
                       gint64       person_id,
                       const char  *actor,
                       const char  *from,
                       const char  *to,
                       guint        limit,
                       GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_AUDIT, 0, error))
    return NULL;
  return query_audit (self, person_id, actor, from, to, limit, error);
}

/**
 * gad_store_refuse_stale:
 * @entity: the audit log's name for the record ("person", "case", ...)
 *
 * Someone saved the record after the caller read it: fails with
 * %GAD_STORE_ERROR_CONFLICT saying who, when and what they changed, from the
 * newest change in the log. Always returns %FALSE.
 */
gboolean
gad_store_refuse_stale (GadStore    *self,
                        const char  *entity,
                        gint64       entity_id,
                        GError     **error)
{
  sqlite3_stmt *stmt = gad_store_statement (self,
                                            "SELECT id, at, actor, entity, entity_id, action,"
                                            " person_id, NULL FROM audit_log l"
                                            " WHERE entity = ? AND entity_id = ?"
                                            " AND EXISTS (SELECT 1 FROM audit_changes"
                                            "             WHERE audit_id = l.id)"
                                            " ORDER BY id DESC LIMIT 1",
                                            NULL);
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *day = NULL, *time = NULL;
  GadAuditEntry *e;

  if (stmt)
    {
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, entity_id);
      last = gad_store_collect (self, stmt, audit_entry_from_row,
                                (GDestroyNotify) gad_audit_entry_free, NULL);
    }
  if (last == NULL || last->len == 0 || !load_changes (self, last, NULL))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT,
                   _("Someone changed this after you opened it. Nothing was saved: open it "
                     "again to see their change, then make yours."));
      return FALSE;
    }
  e = g_ptr_array_index (last, 0);
  for (guint i = 0; i < e->changes->len && i < 3; i++)
    {
      GadAuditChange *c = g_ptr_array_index (e->changes, i);
      g_autofree char *old_value = gad_audit_value (c->field, c->old_value);
      g_autofree char *new_value = gad_audit_value (c->field, c->new_value);

      if (i > 0)
        g_string_append (what, "; ");
      /* TRANSLATORS: a changed field in a refused save: field, old value, new value */
      g_string_append_printf (what, _("%s: %s → %s"), gad_audit_field_label (c->field),
                              old_value, new_value);
    }
  if (e->changes->len > 3)
    g_string_append (what, "; …");
  day = gad_text_local_time (e->at, "%d.%m.%Y");
  time = gad_text_local_time (e->at, "%H:%M");
  /* TRANSLATORS: who, the day, the time, what they changed */
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT,
               _("%s changed this on %s at %s, after you opened it — %s. Nothing was saved: "
                 "open it again to see their change, then make yours."),
               e->actor, day, time, what->str);
  return FALSE;
}

/* Who appears in the audit log, by name. */
GStrv
gad_store_list_audit_actors (GadStore *self)
{
  if (!gad_store_can (self, GAD_RIGHT_AUDIT, 0))
    return NULL;
  sqlite3_stmt *stmt = gad_store_statement (self,
                                            "SELECT DISTINCT actor FROM audit_log ORDER BY actor",
                                            NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt)
    sqlite3_reset (stmt);
  return g_strv_builder_end (names);
}

gint64
gad_store_add_territory (GadStore    *self,
                         const char  *name,
                         GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return 0;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!gad_store_begin (self, error))
    return 0;
  stmt = gad_store_statement (self, "INSERT INTO territories (name) VALUES (?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  {
    GArray *changes = gad_field_changes_new ();
    gad_field_changes_add (changes, "name", NULL, name);
    if (!gad_store_audit (self, "territory", id, 0, "create", changes, error))
      goto fail;
  }
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

static gpointer
territory_from_row (sqlite3_stmt *stmt)
{
  GadTerritory *t = g_new0 (GadTerritory, 1);

  t->id = sqlite3_column_int64 (stmt, 0);
  t->name = gad_store_column_dup (stmt, 1);
  return t;
}

/* Never NULL: a list that cannot be read is shown empty. */
GPtrArray *
gad_store_list_territories (GadStore *self)
{
  sqlite3_stmt *stmt = gad_store_statement (self, "SELECT id, name FROM territories ORDER BY name",
                                            NULL);
  GPtrArray *list = stmt ? gad_store_collect (self, stmt, territory_from_row,
                                              (GDestroyNotify) gad_territory_free, NULL)
                         : NULL;

  return list ? list : g_ptr_array_new ();
}

gint64
gad_store_add_staff (GadStore        *self,
                     const GadStaff  *staff,
                     GError         **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return 0;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!gad_store_begin (self, error))
    return 0;
  stmt = gad_store_statement (self,
                              "INSERT INTO staff (name, position, department, territory_id)"
                              " VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, staff->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, staff->position ? staff->position : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, staff->department ? staff->department : "", -1, SQLITE_TRANSIENT);
  if (staff->territory_id > 0)
    sqlite3_bind_int64 (stmt, 4, staff->territory_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  {
    GArray *changes = gad_field_changes_new ();
    gad_field_changes_add (changes, "name", NULL, staff->name);
    gad_field_changes_add (changes, "position", NULL, staff->position);
    gad_field_changes_add (changes, "department", NULL, staff->department);
    if (!gad_store_audit (self, "staff", id, 0, "create", changes, error))
      goto fail;
  }
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

static gpointer
staff_from_row (sqlite3_stmt *stmt)
{
  GadStaff *s = g_new0 (GadStaff, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->name = gad_store_column_dup (stmt, 1);
  s->position = gad_store_column_dup (stmt, 2);
  s->department = gad_store_column_dup (stmt, 3);
  s->territory_id = sqlite3_column_int64 (stmt, 4);
  s->username = gad_store_column_dup (stmt, 5);
  s->role = gad_role_from_string ((const char *) sqlite3_column_text (stmt, 6));
  s->active = sqlite3_column_int (stmt, 7);
  return s;
}

/* Never NULL: a list that cannot be read is shown empty. */
GPtrArray *
gad_store_list_staff (GadStore *self)
{
  sqlite3_stmt *stmt = gad_store_statement (self,
                                            "SELECT id, name, position, department, territory_id,"
                                            " username, role, active"
                                            " FROM staff ORDER BY name",
                                            NULL);
  GPtrArray *list = stmt ? gad_store_collect (self, stmt, staff_from_row,
                                              (GDestroyNotify) gad_staff_free, NULL)
                         : NULL;

  return list ? list : g_ptr_array_new ();
}

/* @path: the copy to write; replaced only once the copy is whole and checked.
 *
 * Copies the database with SQLite's online backup, while others keep writing,
 * checks the copy's integrity, and only then puts it in place, readable by
 * its owner alone.
 */
static gboolean
copy_to (GadStore    *self,
         const char  *path,
         GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *check = NULL;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  g_remove (partial);
  fd = g_open (partial, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    goto done;
  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  if (backup == NULL)
    goto done;
  while (sqlite3_backup_step (backup, 256) == SQLITE_OK)
    ;
  if (sqlite3_backup_finish (backup) != SQLITE_OK)
    goto done;
  if (sqlite3_prepare_v2 (copy, "PRAGMA integrity_check", -1, &check, NULL) != SQLITE_OK
      || sqlite3_step (check) != SQLITE_ROW
      || g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") != 0)
    goto done;
  ok = TRUE;

done:
  if (!ok)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                 _("The backup “%s” could not be made whole (%s). The old backup, if any, is "
                   "unchanged."),
                 path, copy ? sqlite3_errmsg (copy) : "open");
  sqlite3_finalize (check);
  sqlite3_close (copy);
  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_remove (partial);
  return ok;
}

/**
 * gad_store_backup:
 *
 * A copy on demand (copy_to() above) is an administrator's; the daily copy
 * and the copy a restore keeps are the store's own.
 */
gboolean
gad_store_backup (GadStore    *self,
                  const char  *path,
                  GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  return copy_to (self, path, error);
}

/**
 * gad_store_restore:
 * @backup: a backup made by gad_store_backup()
 *
 * Replaces the whole database with @backup, in one transaction, after
 * checking the backup is sound and is a Gādība database this version can
 * read. What was there before is first saved as “<database>.before-restore”,
 * so a restore can itself be undone. An older backup is brought up to date.
 */
gboolean
gad_store_restore (GadStore    *self,
                   const char  *backup,
                   GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  g_autofree char *before = g_strconcat (self->path, ".before-restore", NULL);
  sqlite3 *source = NULL;
  sqlite3_backup *copy;
  sqlite3_stmt *check = NULL;
  const char *problem = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("There is no backup file “%s”. Nothing was changed."), backup);
      return FALSE;
    }
  if (sqlite3_open_v2 (backup, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (source, "PRAGMA integrity_check", -1, &check, NULL) != SQLITE_OK
      || sqlite3_step (check) != SQLITE_ROW
      || g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") != 0)
    problem = _("it is damaged or not a database");
  sqlite3_finalize (check);
  check = NULL;
  if (problem == NULL)
    {
      if (sqlite3_prepare_v2 (source, "PRAGMA user_version", -1, &check, NULL) == SQLITE_OK
          && sqlite3_step (check) == SQLITE_ROW)
        version = sqlite3_column_int (check, 0);
      sqlite3_finalize (check);
      if (version < 1)
        problem = _("it is not a Gādība database");
      else if (version > gad_store_schema_version ())
        problem = _("a newer version of Gādība wrote it");
    }
  if (problem)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("“%s” cannot be restored: %s. Nothing was changed."), backup, problem);
      sqlite3_close (source);
      return FALSE;
    }

  if (!copy_to (self, before, error))
    {
      sqlite3_close (source);
      return FALSE;
    }

  /* One step copies every page in a single write transaction: other
   * connections see the old database or the restored one, never a mix. */
  copy = sqlite3_backup_init (self->db, "main", source, "main");
  rc = copy ? sqlite3_backup_step (copy, -1) : SQLITE_ERROR;
  if (copy)
    sqlite3_backup_finish (copy);
  sqlite3_close (source);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("“%s” could not be restored (%s). The database is as it was; a copy of it "
                     "is in “%s”."),
                   backup, sqlite3_errmsg (self->db), before);
      return FALSE;
    }
  return migrate (self, gad_store_schema_version (), error);
}

/* A client's file was opened: who and when, in the audit log. */
gboolean
gad_store_record_access (GadStore    *self,
                         gint64       person_id,
                         GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error))
    return FALSE;
  if (!gad_store_begin (self, error))
    return FALSE;
  if (!gad_store_audit (self, "person", person_id, person_id, "open", NULL, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  return gad_store_commit (self, error);
}

/**
 * gad_store_record_read:
 * @person_id: the client whose data was read, or 0 for many
 * @what: what was read, as the log shows it ("assessment", "letter 2026/SD-000001")
 * @persons: with @person_id 0, how many persons' data it held
 *
 * Client data left Gādība's screens — printed, written to a file, shown by
 * the command line: who, when, what and for how many, in the audit log. A
 * bulk read is one row.
 */
gboolean
gad_store_record_read (GadStore    *self,
                       gint64       person_id,
                       const char  *what,
                       guint        persons,
                       GError     **error)
{
  g_autofree char *count = g_strdup_printf ("%u", persons);
  GArray *changes;

  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error) || !gad_store_begin (self, error))
    return FALSE;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "read", NULL, what);
  if (person_id <= 0)
    gad_field_changes_add (changes, "persons", NULL, count);
  if (!gad_store_audit (self, person_id > 0 ? "person" : "registry", MAX (person_id, 0),
                        person_id, "read", changes, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  return gad_store_commit (self, error);
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * gad_store_daily_backup:
 * @dir: where the day's copies are kept (created 0700)
 * @keep: how many daily copies to keep
 * @today: ISO 8601
 * @made: (out) (optional): the copy made, or %NULL when today's exists
 *
 * Makes today's copy, `gadiba-YYYY-MM-DD.db`, unless there is one, then
 * removes the oldest beyond @keep. Other files in @dir are left alone.
 */
gboolean
gad_store_daily_backup (GadStore    *self,
                        const char  *dir,
                        guint        keep,
                        const char  *today,
                        char       **made,
                        GError     **error)
{
  g_autofree char *name = g_strdup_printf ("gadiba-%s.db", today);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *entry;

  if (made)
    *made = NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The backup folder %s could not be made (%s)."), dir, g_strerror (saved));
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!copy_to (self, path, error))
        return FALSE;
      if (made)
        *made = g_strdup (path);
    }
  if ((listing = g_dir_open (dir, 0, error)) == NULL)
    return FALSE;
  while ((entry = g_dir_read_name (listing)))
    if (g_str_has_prefix (entry, "gadiba-") && g_str_has_suffix (entry, ".db")
        && strlen (entry) == strlen ("gadiba-YYYY-MM-DD.db"))
      g_ptr_array_add (copies, g_strdup (entry));
  g_ptr_array_sort (copies, by_name);
  for (guint i = 0; keep > 0 && i + keep < copies->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (copies, i), NULL);

      g_remove (old);
    }
  return TRUE;
}
