-- save counters on cases and service plans too, so two windows never
-- overwrite each other's change there either.

ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE service_plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
