-- The strategy's action plan the head reports on to the council each year:
-- tasks with a code, the aim they serve, who is responsible and their
-- years; each task's result indicators, computed from Gādība's own data or
-- entered by hand, with a target and a value a year; and the head's word
-- on a task each year (a comment, and whether it is done).

CREATE TABLE strategy_tasks (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  aim TEXT NOT NULL,
  text TEXT NOT NULL,
  responsible TEXT NOT NULL DEFAULT '',
  year_from INTEGER NOT NULL,
  year_to INTEGER NOT NULL CHECK (year_to >= year_from));
CREATE TABLE strategy_indicators (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES strategy_tasks (id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  source TEXT NOT NULL,
  survey_id INTEGER REFERENCES surveys (id),
  question_code TEXT,
  lower_is_better INTEGER NOT NULL DEFAULT 0 CHECK (lower_is_better IN (0, 1)));
CREATE INDEX strategy_indicators_task ON strategy_indicators (task_id);
CREATE TABLE strategy_values (
  indicator_id INTEGER NOT NULL REFERENCES strategy_indicators (id),
  year INTEGER NOT NULL,
  target REAL,
  value REAL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (indicator_id, year));
CREATE TABLE strategy_reviews (
  task_id INTEGER NOT NULL REFERENCES strategy_tasks (id),
  year INTEGER NOT NULL,
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (task_id, year));
