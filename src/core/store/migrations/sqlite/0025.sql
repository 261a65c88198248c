-- Group work: a group's sessions are a group entry of the schedules; here
-- what kind of group it is and whom it is for, its programme (a plan for
-- each session, with how many of those not on the client list came), and
-- those taking part who are not clients, counted by gender and age group.

CREATE TABLE group_work (
  entry_id INTEGER PRIMARY KEY REFERENCES schedule_entries (id),
  form TEXT NOT NULL DEFAULT 'support-group'
    CHECK (form IN ('support-group', 'parents-school', 'social-skills', 'camp', 'other')),
  target_group TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1);
CREATE TABLE group_sessions (
  entry_id INTEGER NOT NULL REFERENCES schedule_entries (id),
  date TEXT NOT NULL,
  topic TEXT NOT NULL DEFAULT '',
  plan TEXT NOT NULL DEFAULT '',
  others_present INTEGER CHECK (others_present >= 0),
  PRIMARY KEY (entry_id, date)) WITHOUT ROWID;
CREATE TABLE group_others (
  entry_id INTEGER NOT NULL REFERENCES schedule_entries (id),
  gender TEXT NOT NULL CHECK (gender IN ('M', 'F')),
  age_group TEXT NOT NULL CHECK (age_group IN ('0-17', '18-24', '25-44', '45-64', '65+')),
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (entry_id, gender, age_group)) WITHOUT ROWID;
CREATE INDEX surveys_group ON surveys (group_entry_id);
