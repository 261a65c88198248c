-- accounts — a staff member who signs in has a unique name, an Argon2id
-- hash (never the password) and one role. Failed sign-ins are counted per
-- name typed, whether or not it exists, to slow guessing down.

ALTER TABLE staff ADD COLUMN username TEXT;
ALTER TABLE staff ADD COLUMN password_hash TEXT;
ALTER TABLE staff ADD COLUMN role TEXT CHECK (role IN
  ('administrator', 'head', 'social-worker', 'clerk', 'auditor'));
ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
CREATE UNIQUE INDEX staff_username ON staff (username);
CREATE TABLE sign_in_failures (
  username TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  last_at TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO settings VALUES ('idle_lock_minutes', '10');
