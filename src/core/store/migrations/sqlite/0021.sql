-- Lone pensioners and persons with disability on remote farmsteads (the
-- county strategy's task 2.4.3): who is on the register and why (no reason:
-- proposed by the rules and confirmed), how often they are visited, what the
-- last visit found (risks: heating, food, medicines, mobility, isolation,
-- home-care), and whether home care was proposed. Taken off: ended_on.
-- Every visit is kept in remote_visits, for the yearly figures.

CREATE TABLE remote_register (
  person_id INTEGER PRIMARY KEY REFERENCES persons (id),
  reason TEXT,
  added_by INTEGER REFERENCES staff (id),
  added_on TEXT NOT NULL,
  interval_months INTEGER NOT NULL DEFAULT 3 CHECK (interval_months BETWEEN 1 AND 24),
  last_visit TEXT,
  last_outcome TEXT CHECK (last_outcome IN ('visited', 'not-home', 'refused')),
  next_due TEXT NOT NULL,
  risks TEXT NOT NULL DEFAULT '',
  home_care_proposed INTEGER NOT NULL DEFAULT 0 CHECK (home_care_proposed IN (0, 1)),
  ended_on TEXT);
CREATE INDEX remote_register_due ON remote_register (next_due);
CREATE TABLE remote_visits (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  visited_on TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('visited', 'not-home', 'refused')),
  risks TEXT NOT NULL DEFAULT '',
  home_care_proposed INTEGER NOT NULL DEFAULT 0 CHECK (home_care_proposed IN (0, 1)),
  staff_id INTEGER REFERENCES staff (id));
CREATE INDEX remote_visits_person ON remote_visits (person_id);
CREATE INDEX remote_visits_day ON remote_visits (visited_on);
