-- A case handed to another social worker: who had it, who has it, why and
-- when. Both see it in My Work for two weeks; the log keeps it too.

CREATE TABLE case_transfers (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  from_worker INTEGER REFERENCES staff (id),
  to_worker INTEGER REFERENCES staff (id),
  reason TEXT NOT NULL,
  moved_on TEXT NOT NULL);
CREATE INDEX case_transfers_person ON case_transfers (person_id);
CREATE INDEX case_transfers_from ON case_transfers (from_worker, moved_on);
CREATE INDEX case_transfers_to ON case_transfers (to_worker, moved_on);
