-- services received, the budget and what was spent beyond benefits

CREATE TABLE service_plans (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  service_code TEXT NOT NULL REFERENCES service_types (code),
  level INTEGER,
  period_from TEXT NOT NULL,
  period_to TEXT,
  staff_id INTEGER REFERENCES staff (id),
  CHECK (period_to IS NULL OR period_to >= period_from));
CREATE INDEX service_plans_person ON service_plans (person_id);
CREATE INDEX service_plans_service ON service_plans (service_code, period_from);
CREATE TABLE budget (
  year INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('municipal', 'state', 'project', 'client')),
  programme TEXT NOT NULL DEFAULT '',
  planned_cents INTEGER NOT NULL CHECK (planned_cents >= 0),
  PRIMARY KEY (year, source, programme)) WITHOUT ROWID;
CREATE TABLE expenditures (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('municipal', 'state', 'project', 'client')),
  programme TEXT NOT NULL DEFAULT '',
  amount_cents INTEGER NOT NULL);
CREATE INDEX expenditures_year ON expenditures (year, source);
