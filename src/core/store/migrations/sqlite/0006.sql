-- schedules — entries once or weekly in Europe/Riga wall-clock time,
-- what happened to each occurrence, group participants and attendance,
-- home-care co-payments; what plans and persons need for their rules
-- Cents an hour.

ALTER TABLE persons ADD COLUMN disability_group INTEGER
  CHECK (disability_group BETWEEN 1 AND 3);
ALTER TABLE service_plans ADD COLUMN client_group TEXT
  CHECK (client_group IN ('families', 'mental', 'young-adults'));
ALTER TABLE service_plans ADD COLUMN override_reason TEXT;
CREATE INDEX service_plans_staff ON service_plans (staff_id);
CREATE TABLE schedule_entries (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'appointment', 'reception', 'group')),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  person_id INTEGER REFERENCES persons (id),
  plan_id INTEGER REFERENCES service_plans (id),
  territory_id INTEGER REFERENCES territories (id),
  title TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 1440),
  weekdays INTEGER NOT NULL DEFAULT 0 CHECK (weekdays BETWEEN 0 AND 127),
  until_date TEXT,
  note TEXT NOT NULL DEFAULT '',
  override_reason TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (until_date IS NULL OR until_date >= start_date),
  CHECK (kind <> 'visit' OR plan_id IS NOT NULL),
  CHECK (kind NOT IN ('visit', 'appointment') OR person_id IS NOT NULL));
CREATE INDEX schedule_entries_start ON schedule_entries (start_date);
CREATE INDEX schedule_entries_staff ON schedule_entries (staff_id);
CREATE INDEX schedule_entries_person ON schedule_entries (person_id);
CREATE TABLE schedule_occurrences (
  entry_id INTEGER NOT NULL REFERENCES schedule_entries (id),
  date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'cancelled', 'done', 'missed')),
  moved_date TEXT,
  moved_time TEXT,
  staff_id INTEGER REFERENCES staff (id),
  actual_minutes INTEGER CHECK (actual_minutes >= 0),
  reason TEXT,
  override_reason TEXT,
  PRIMARY KEY (entry_id, date)) WITHOUT ROWID;
CREATE INDEX schedule_occurrences_date ON schedule_occurrences (date);
CREATE INDEX schedule_occurrences_moved ON schedule_occurrences (moved_date);
CREATE TABLE group_participants (
  entry_id INTEGER NOT NULL REFERENCES schedule_entries (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  PRIMARY KEY (entry_id, person_id)) WITHOUT ROWID;
CREATE TABLE group_attendance (
  entry_id INTEGER NOT NULL REFERENCES schedule_entries (id),
  date TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  present INTEGER NOT NULL CHECK (present IN (0, 1)),
  PRIMARY KEY (entry_id, date, person_id)) WITHOUT ROWID;
CREATE TABLE client_payments (
  person_id INTEGER NOT NULL REFERENCES persons (id),
  month TEXT NOT NULL,
  service_code TEXT NOT NULL REFERENCES service_types (code),
  minutes INTEGER NOT NULL,
  free_minutes INTEGER NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  PRIMARY KEY (person_id, month, service_code)) WITHOUT ROWID;
CREATE INDEX client_payments_month ON client_payments (month);
INSERT INTO rates VALUES ('home-care-hour', '2012-01-01', 380, 0);
INSERT INTO settings VALUES
  ('family_assistant_families', '4'),
  ('family_assistant_mental', '4'),
  ('family_assistant_young_adults', '6'),
  ('reception_slot_minutes', '30');
