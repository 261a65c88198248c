-- Departments: the service's own list (an adult department, a children and
-- family department, …), named in a staff member's record. The list starts
-- with the departments staff are in already, and a department named for a
-- staff member joins it.

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''));
INSERT INTO departments (name)
  SELECT DISTINCT department FROM staff WHERE department <> '' ORDER BY department;
CREATE TRIGGER staff_department_insert AFTER INSERT ON staff WHEN NEW.department <> ''
BEGIN
  INSERT OR IGNORE INTO departments (name) VALUES (NEW.department);
END;
CREATE TRIGGER staff_department_update AFTER UPDATE OF department ON staff
  WHEN NEW.department <> ''
BEGIN
  INSERT OR IGNORE INTO departments (name) VALUES (NEW.department);
END;
