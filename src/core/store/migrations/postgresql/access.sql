-- What the server itself refuses, whatever program connects. Run after every
-- migration and by "gadiba-cli server init", by a superuser (or a role with
-- CREATEROLE that is a member of gadiba_owner); it can run again and again.
--
-- Roles: gadiba_owner owns every object and signs in as nobody; each staff
-- member is a LOGIN role "login@database" in one group role per Gādība role.
-- The table privileges of the groups are granted from the rights table in
-- src/core (gad-store-server.c); what is here is what a grant cannot say:
-- who a session is, a social worker's clients, append-only logs.

DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['gadiba_owner', 'gadiba_administrator', 'gadiba_head',
                           'gadiba_social_worker', 'gadiba_clerk', 'gadiba_auditor'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      BEGIN
        EXECUTE format ('CREATE ROLE %I NOLOGIN', r);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;   -- another database of the server made it just now
      END;
    END IF;
  END LOOP;
  -- The owner creates and changes the staff's roles, through the functions
  -- below only.
  IF NOT (SELECT rolcreaterole FROM pg_roles WHERE rolname = 'gadiba_owner') THEN
    ALTER ROLE gadiba_owner CREATEROLE;
  END IF;
  IF NOT pg_has_role (current_user, 'gadiba_owner', 'MEMBER') THEN
    EXECUTE format ('GRANT gadiba_owner TO %I', current_user);
  END IF;
  FOR r IN SELECT format ('%s %s', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                                  ELSE 'TABLE' END, c.oid::regclass)
           FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'S', 'p')
             AND c.relowner <> 'gadiba_owner'::regrole
             AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid
                                                 AND d.deptype IN ('a', 'i'))) LOOP
    EXECUTE 'ALTER ' || r || ' OWNER TO gadiba_owner';
  END LOOP;
  EXECUTE format ('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database ());
  -- Anyone with a server account may connect, to be told they have no
  -- Gādība role rather than that their password is wrong; they read nothing.
  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO PUBLIC', current_database ());
  -- PostgreSQL's default cost of reading a page out of order (4) is for
  -- spinning disks: with it the planner reads all 100 000 persons where a
  -- dashboard needs a few thousand of them looked up. A value the server's
  -- administrator chose (for the server, the database or the role) stays.
  IF (SELECT source FROM pg_settings WHERE name = 'random_page_cost') = 'default' THEN
    EXECUTE format ('ALTER DATABASE %I SET random_page_cost = 1.1', current_database ());
  END IF;
END $$;
ALTER SCHEMA public OWNER TO gadiba_owner;
-- Anyone connected may look up names (to be told what they may not read);
-- only the owner creates anything.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- Who this session is: the staff row whose server role it signed in as.
CREATE OR REPLACE FUNCTION gad_role_of (login text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT login || '@' || current_database () $$;

CREATE OR REPLACE FUNCTION gad_me () RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id FROM staff WHERE username IS NOT NULL AND gad_role_of (username) = session_user
    AND active = 1 $$;

-- The account of this session, for signing in: nothing for a role that is
-- no (longer a) member of the group of its Gādība role.
DROP FUNCTION IF EXISTS gad_my_account ();
CREATE FUNCTION gad_my_account ()
  RETURNS TABLE (id bigint, name text, role text, department text, territory_id bigint,
                 password_expires_on text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.id, s.name, s.role, s.department, coalesce (s.territory_id, 0),
         s.password_expires_on FROM staff s
  WHERE s.username IS NOT NULL AND gad_role_of (s.username) = session_user AND s.active = 1
    AND pg_has_role (session_user, 'gadiba_' || replace (s.role, '-', '_'), 'MEMBER') $$;

-- A social worker's clients: their own, their department's, their parish's,
-- and those in nobody's care and no parish (GAD_SCOPE_WHERE in C).
CREATE OR REPLACE FUNCTION gad_in_scope (person bigint) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT FROM persons p LEFT JOIN staff w ON w.id = p.worker_id, staff me
    WHERE p.id = person AND me.id = gad_me ()
      AND (p.worker_id = me.id OR p.territory_id = me.territory_id
           OR (me.department <> '' AND w.department = me.department)
           OR (p.worker_id IS NULL AND p.territory_id IS NULL))) $$;

-- Whose file a record is in, for a record row security hides: the staff
-- member learns why they may not open it, and nothing of what is in it.
CREATE OR REPLACE FUNCTION gad_person_of (t text, row_id bigint) RETURNS bigint
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  p bigint;
BEGIN
  IF t NOT IN ('applications', 'cases', 'decisions', 'duties', 'household_members',
               'plan_tasks', 'case_documents', 'issued_documents') THEN
    RETURN NULL;
  END IF;
  EXECUTE format ('SELECT person_id FROM %I WHERE id = $1', t) INTO p USING row_id;
  RETURN p;
END $$;

-- The end of the audit chain, for every role that writes (the log itself is
-- read by heads and auditors only), held for the caller until its
-- transaction ends: the lock first, then the end as it is then (a volatile
-- function's query sees what committed while it waited).
CREATE OR REPLACE FUNCTION gad_audit_last () RETURNS TABLE (id bigint, hash text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock (4243, 0);   -- GAD_LOCK_AUDIT in C
  RETURN QUERY SELECT l.id, l.hash FROM audit_log l ORDER BY l.id DESC LIMIT 1;
END $$;

-- Whether the save that wrote audit row @audit_id went through, for the
-- workstation whose link dropped after it sent the commit: the row is there
-- with the save's own id, which nobody else knows.
CREATE OR REPLACE FUNCTION gad_saved (audit_id bigint, save text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT FROM audit_log WHERE id = audit_id AND save_id = save) $$;

-- An audit row names the account the session signed in as, comes right
-- after the last one, and is written one at a time: forty writers still
-- make one chain. The owner (migrations, the demo, moving a file in) is
-- trusted: it writes as the system, and copies whole logs.
CREATE OR REPLACE FUNCTION audit_log_append () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF pg_has_role (session_user, 'gadiba_owner', 'MEMBER') THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock (4243, 0);   -- GAD_LOCK_AUDIT in C
  IF NEW.id <> coalesce ((SELECT max (id) FROM audit_log), 0) + 1 THEN
    RAISE EXCEPTION 'the audit log is appended to in order' USING ERRCODE = '40001';
  END IF;
  IF NOT EXISTS (SELECT FROM staff s WHERE s.id = NEW.actor_id AND s.name = NEW.actor
                 AND s.active = 1 AND s.username IS NOT NULL
                 AND gad_role_of (s.username) = session_user) THEN
    RAISE EXCEPTION 'an audit row names the account that writes it' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_log_append ON audit_log;
CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append ();

-- Every save is announced when it commits (NOTIFY is transactional), so that
-- the other workstations' screens follow: "entity id person writer", the
-- writer being the server process of the saving connection. Reads and
-- sign-ins are logged but change nothing shown; the owner's bulk writes
-- (a move, the demo) are nobody's screen's business.
CREATE OR REPLACE FUNCTION audit_log_announce () RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.action NOT IN ('open', 'read', 'export', 'sign-in', 'password')
     AND NOT pg_has_role (session_user, 'gadiba_owner', 'MEMBER') THEN
    PERFORM pg_notify ('gadiba', concat_ws (' ', NEW.entity, NEW.entity_id,
                                            coalesce (NEW.person_id, 0), pg_backend_pid ()));
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS audit_log_announce ON audit_log;
CREATE TRIGGER audit_log_announce AFTER INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_announce ();

-- Changes belong to the row just appended by this transaction.
CREATE OR REPLACE FUNCTION audit_changes_append () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT pg_has_role (session_user, 'gadiba_owner', 'MEMBER')
     AND NEW.audit_id <> (SELECT max (id) FROM audit_log) THEN
    RAISE EXCEPTION 'changes are written with their audit row' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_changes_append ON audit_changes;
CREATE TRIGGER audit_changes_append BEFORE INSERT ON audit_changes
  FOR EACH ROW EXECUTE FUNCTION audit_changes_append ();

-- The registry's summary of a person's cases is kept whoever writes a case.
ALTER FUNCTION cases_summary () SECURITY DEFINER SET search_path = public, pg_temp;

-- Staff accounts are server roles: an administrator creates and changes
-- them through this function only, and only this database's staff roles
-- in Gādība's groups. @verifier is a SCRAM-SHA-256 verifier made by the
-- client (libpq's PQencryptPasswordConn): the password never travels.
CREATE OR REPLACE FUNCTION gad_server_account (login text, verifier text, role text,
                                               active boolean) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  name text := gad_role_of (login);
  g text;
BEGIN
  IF NOT (pg_has_role (session_user, 'gadiba_administrator', 'MEMBER')
          OR pg_has_role (session_user, 'gadiba_owner', 'MEMBER')) THEN
    RAISE EXCEPTION 'only an administrator manages accounts' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT FROM staff s WHERE s.username = login) THEN
    RAISE EXCEPTION 'no staff member signs in as %', login USING ERRCODE = '42704';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name) THEN
    EXECUTE format ('CREATE ROLE %I LOGIN', name);
  END IF;
  EXECUTE format ('ALTER ROLE %I %s', name, CASE WHEN active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  IF verifier IS NOT NULL THEN
    EXECUTE format ('ALTER ROLE %I PASSWORD %L', name, verifier);
  END IF;
  FOREACH g IN ARRAY ARRAY['gadiba_administrator', 'gadiba_head', 'gadiba_social_worker',
                           'gadiba_clerk', 'gadiba_auditor'] LOOP
    IF active AND g = 'gadiba_' || replace (role, '-', '_') THEN
      EXECUTE format ('GRANT %I TO %I', g, name);
    ELSIF pg_has_role (name, g, 'MEMBER') THEN
      EXECUTE format ('REVOKE %I FROM %I', g, name);
    END IF;
  END LOOP;
END $$;

-- Retention erases a client's identifying values and free texts from the
-- log (their hashes stay, and the chain verifies): the administrator's, who
-- reads no client file, so the values are erased without being read.
CREATE OR REPLACE FUNCTION gad_erase_audit_values (person bigint) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE audit_changes SET old_value = NULL, new_value = NULL, salt = NULL
  WHERE (old_value IS NOT NULL OR new_value IS NOT NULL)
    AND field IN ('code', 'first_name', 'last_name', 'birth_date', 'address', 'phone',
                  'disability_group', 'notes', 'note', 'reason', 'override_reason', 'title',
                  'name', 'text', 'incoming_no')
    AND audit_id IN (SELECT id FROM audit_log WHERE person_id = person
      OR (entity = 'household' AND entity_id IN
        (SELECT id FROM households WHERE address = '' AND id IN
          (SELECT household_id FROM household_members WHERE person_id = person)))) $$;

-- A merge's last step (gad-store-merge.c): the record merged in goes, and
-- the kept one takes the values chosen. Heads and administrators merge but
-- may not otherwise rewrite a person's names or code, so it is done here,
-- as the owner, and only once everything of the record merged in, its codes
-- first, is the kept one's: the code kept is one of the kept record's now.
CREATE OR REPLACE FUNCTION gad_merge_records (keep bigint, gone bigint, new_code text,
                                              first text, last text, sex text, born text,
                                              addr text, tel text, parish bigint, lf text,
                                              fl text, sk text, at text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT (pg_has_role (session_user, 'gadiba_head', 'MEMBER')
          OR pg_has_role (session_user, 'gadiba_administrator', 'MEMBER')) THEN
    RAISE EXCEPTION 'a head or an administrator merges records' USING ERRCODE = '42501';
  END IF;
  IF keep = gone OR NOT EXISTS (SELECT FROM persons WHERE id = gone)
     OR EXISTS (SELECT FROM person_codes WHERE person_id = gone)
     OR NOT EXISTS (SELECT FROM person_codes WHERE person_id = keep AND code = new_code) THEN
    RAISE EXCEPTION 'a merge moves the records first' USING ERRCODE = '42501';
  END IF;
  DELETE FROM persons WHERE id = gone;
  UPDATE persons SET code = new_code, first_name = first, last_name = last, gender = sex,
    birth_date = born, address = addr, phone = tel, territory_id = parish, key_lf = lf,
    key_fl = fl, sort_key = sk, updated_at = at, version = version + 1
  WHERE id = keep;
END $$;

-- Anyone changes their own password (a verifier, as above).
CREATE OR REPLACE FUNCTION gad_set_my_password (verifier text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF gad_me () IS NULL THEN
    RAISE EXCEPTION 'only a staff account changes its password here' USING ERRCODE = '42501';
  END IF;
  EXECUTE format ('ALTER ROLE %I PASSWORD %L', session_user, verifier);
  UPDATE staff SET password_expires_on = NULL WHERE id = gad_me ();
END $$;

-- The records of this session's own cases that have the words asked for
-- (gad-store-search-records.c), newest first: found in the index as the
-- owner, since row security would have every candidate row of the index
-- checked before the words (its @@ is not leakproof); the case's worker is
-- this session's staff member, whatever the words say.
CREATE OR REPLACE FUNCTION gad_search_my_records (asked tsquery, most integer)
  RETURNS SETOF bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT r.id FROM case_records r
   WHERE r.search @@ (quote_literal ('#w' || gad_me ())::tsquery && asked)
   ORDER BY r.occurred_on DESC, r.id DESC LIMIT most
$$;

-- Functions are the owner's too, so that SECURITY DEFINER is the owner's
-- rights and no more.
DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN SELECT p.oid FROM pg_proc p
           WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'gadiba_owner'::regrole LOOP
    EXECUTE format ('ALTER FUNCTION %s OWNER TO gadiba_owner', f);
  END LOOP;
END $$;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;

-- A social worker reads and writes the files of their clients only. Row
-- security says it once for every table of a client's file; the other
-- roles' access is all or nothing, by their grants.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cases', 'applications', 'incomes', 'decisions', 'payments', 'duties',
                           'service_plans', 'client_payments', 'application_documents',
                           'housing_costs', 'approvals', 'past_decisions', 'case_plans',
                           'plan_needs', 'plan_goals', 'plan_tasks', 'document_contents',
                           'remote_register', 'remote_visits', 'issued_documents'] LOOP
    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format ('DROP POLICY IF EXISTS whole ON %I', t);
    EXECUTE format ('CREATE POLICY whole ON %I TO gadiba_administrator, gadiba_head, gadiba_clerk,'
                    ' gadiba_auditor USING (true)', t);
    EXECUTE format ('DROP POLICY IF EXISTS clients ON %I', t);
    -- The last three name their client through the application.
    EXECUTE format ('CREATE POLICY clients ON %I TO gadiba_social_worker USING (%s)', t,
                    CASE WHEN t IN ('application_documents', 'housing_costs', 'approvals')
                         THEN 'EXISTS (SELECT FROM applications a WHERE a.id = application_id)'
                         ELSE 'gad_in_scope (person_id)' END);
  END LOOP;
END $$;

-- Case records and documents: the same rule as gad_in_scope (), written out
-- so that the planner looks the client up once for a case's thousands of
-- records, not once a record through the function.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_records', 'case_documents'] LOOP
    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format ('DROP POLICY IF EXISTS whole ON %I', t);
    EXECUTE format ('CREATE POLICY whole ON %I TO gadiba_administrator, gadiba_head, gadiba_clerk,'
                    ' gadiba_auditor USING (true)', t);
    EXECUTE format ('DROP POLICY IF EXISTS clients ON %I', t);
    EXECUTE format ('CREATE POLICY clients ON %I TO gadiba_social_worker USING ('
                    ' EXISTS (SELECT FROM persons p LEFT JOIN staff w ON w.id = p.worker_id, staff me'
                    ' WHERE p.id = %I.person_id AND me.id = (SELECT gad_me ())'
                    ' AND (p.worker_id = me.id OR p.territory_id = me.territory_id'
                    ' OR (me.department <> %L AND w.department = me.department)'
                    ' OR (p.worker_id IS NULL AND p.territory_id IS NULL))))', t, t, '');
  END LOOP;
END $$;
-- A case's transfers: a social worker sees those of their clients, and
-- those that took a case from them or gave them one.
ALTER TABLE case_transfers ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS whole ON case_transfers;
CREATE POLICY whole ON case_transfers TO gadiba_administrator, gadiba_head, gadiba_clerk,
  gadiba_auditor USING (true);
DROP POLICY IF EXISTS clients ON case_transfers;
CREATE POLICY clients ON case_transfers TO gadiba_social_worker
  USING (from_worker = (SELECT gad_me ()) OR to_worker = (SELECT gad_me ())
         OR gad_in_scope (person_id));
-- A social worker corrects their own case records, for 24 hours.
DROP POLICY IF EXISTS own_for_a_day ON case_records;
CREATE POLICY own_for_a_day ON case_records AS RESTRICTIVE FOR UPDATE TO gadiba_social_worker
  USING (author_id = (SELECT gad_me ()) AND written_at::timestamptz > now () - interval '24 hours');

-- The log: heads and auditors read all of it; the others the entries of
-- what they may read themselves (to be told who changed a record under
-- them), never a client file's beyond their reach.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS appended ON audit_log;
CREATE POLICY appended ON audit_log FOR INSERT
  TO gadiba_administrator, gadiba_head, gadiba_social_worker, gadiba_clerk, gadiba_auditor
  WITH CHECK (true);
DROP POLICY IF EXISTS whole ON audit_log;
CREATE POLICY whole ON audit_log FOR SELECT TO gadiba_head, gadiba_auditor USING (true);
DROP POLICY IF EXISTS own ON audit_log;
CREATE POLICY own ON audit_log FOR SELECT TO gadiba_administrator, gadiba_social_worker, gadiba_clerk
  USING (entity IN ('person', 'household', 'membership', 'staff', 'setting', 'rate', 'territory',
                    'schedule-entry', 'schedule-occurrence', 'group')
         OR (person_id IS NOT NULL AND pg_has_role ('gadiba_social_worker', 'MEMBER')
             AND gad_in_scope (person_id)));
DROP POLICY IF EXISTS erased ON audit_log;
ALTER TABLE audit_changes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS appended ON audit_changes;
CREATE POLICY appended ON audit_changes FOR INSERT
  TO gadiba_administrator, gadiba_head, gadiba_social_worker, gadiba_clerk, gadiba_auditor
  WITH CHECK (true);
DROP POLICY IF EXISTS readable ON audit_changes;
CREATE POLICY readable ON audit_changes FOR SELECT
  TO gadiba_administrator, gadiba_head, gadiba_social_worker, gadiba_clerk, gadiba_auditor
  USING (EXISTS (SELECT FROM audit_log l WHERE l.id = audit_id));
-- Retention erases old values (the trigger lets nothing else change).
DROP POLICY IF EXISTS erased ON audit_changes;
CREATE POLICY erased ON audit_changes FOR UPDATE TO gadiba_administrator USING (true);
