-- An administrator may give an account's password an end: from that day the
-- sign-in asks for a new one to be set. A new password has none.
--
-- Each save on a server carries an id of its own, made by the workstation,
-- in its audit rows: when the link drops after the commit was sent, the
-- workstation asks for it to learn whether the save went through. A file's
-- commits never travel, and leave it empty.

ALTER TABLE audit_log ADD COLUMN save_id TEXT;
ALTER TABLE staff ADD COLUMN password_expires_on TEXT;
