-- Lone pensioners and persons with disability on remote farmsteads (the
-- county strategy's task 2.4.3): who is on the register and why (no reason:
-- proposed by the rules and confirmed), how often they are visited, what the
-- last visit found (risks: heating, food, medicines, mobility, isolation,
-- home-care), and whether home care was proposed. Taken off: ended_on. Row
-- security (access.sql) shows a social worker the persons in their scope.

CREATE TABLE remote_register (
  person_id BIGINT PRIMARY KEY REFERENCES persons (id),
  reason TEXT COLLATE "C",
  added_by BIGINT REFERENCES staff (id),
  added_on TEXT COLLATE "C" NOT NULL,
  interval_months INTEGER NOT NULL DEFAULT 3 CHECK (interval_months BETWEEN 1 AND 24),
  last_visit TEXT COLLATE "C",
  last_outcome TEXT COLLATE "C" CHECK (last_outcome IN ('visited', 'not-home', 'refused')),
  next_due TEXT COLLATE "C" NOT NULL,
  risks TEXT COLLATE "C" NOT NULL DEFAULT '',
  home_care_proposed INTEGER NOT NULL DEFAULT 0 CHECK (home_care_proposed IN (0, 1)),
  ended_on TEXT COLLATE "C");
CREATE INDEX remote_register_due ON remote_register (next_due);
