-- Where people live, for the routes to remote farmsteads: a person's home
-- in WGS 84 degrees, and where that came from (typed in, imported from the
-- state address register, or a parish centre as an estimate); a parish's
-- centre, where its office is; and the schedule entries a day's route made.

ALTER TABLE persons ADD COLUMN lat REAL;
ALTER TABLE persons ADD COLUMN lon REAL;
ALTER TABLE persons ADD COLUMN place_source TEXT
  CHECK (place_source IN ('typed', 'imported', 'estimate'));
ALTER TABLE territories ADD COLUMN lat REAL;
ALTER TABLE territories ADD COLUMN lon REAL;
ALTER TABLE schedule_entries ADD COLUMN on_route INTEGER NOT NULL DEFAULT 0
  CHECK (on_route IN (0, 1));
