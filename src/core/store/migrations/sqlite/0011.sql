-- and on applications, whose incomes and housing costs are entered
-- as one list.

ALTER TABLE applications ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
