-- Run after migration 12 has rehashed the audit log: the log is append-only,
-- but for erasing a value (with its salt) and keeping its hash.

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes
 WHEN NOT (NEW.audit_id = OLD.audit_id AND NEW.field = OLD.field
  AND NEW.hash IS OLD.hash
  AND NEW.salt IS NULL AND NEW.old_value IS NULL AND NEW.new_value IS NULL)
 BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
 END;
