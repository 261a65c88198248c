-- The social rehabilitation plan of a case: the needs assessment's findings
-- by area, the goals, and under each goal the tasks with who does them and
-- by when. The client's tasks are the co-operation duties (līdzdarbības
-- pienākumi) the duties lists show beside a decision's. One plan a case,
-- revised at its review; every version is in the audit log. Each row names
-- its client, for the rights and the merges that follow them.

CREATE TABLE case_plans (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL UNIQUE REFERENCES cases (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  assessed_on TEXT NOT NULL,
  review_on TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES staff (id),
  written_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX case_plans_person ON case_plans (person_id);
CREATE TABLE plan_needs (
  plan_id INTEGER NOT NULL REFERENCES case_plans (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  area TEXT NOT NULL CHECK (area IN ('housing', 'income', 'health', 'children', 'employment',
                                     'social-skills', 'safety')),
  finding TEXT NOT NULL CHECK (finding <> ''),
  PRIMARY KEY (plan_id, area));
CREATE TABLE plan_goals (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES case_plans (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''));
CREATE INDEX plan_goals_plan ON plan_goals (plan_id, position);
CREATE TABLE plan_tasks (
  id INTEGER PRIMARY KEY,
  goal_id INTEGER NOT NULL REFERENCES plan_goals (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  doer TEXT NOT NULL CHECK (doer IN ('client', 'worker', 'institution')),
  institution TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'failed')),
  recorded_on TEXT);
CREATE INDEX plan_tasks_goal ON plan_tasks (goal_id, position);
CREATE INDEX plan_tasks_person ON plan_tasks (person_id, due_on);
