#!/usr/bin/env bash
# server-roles.sh — the server itself refuses what a role may not do, whatever
# program connects: psql signs in as each demo account's own server role and
# checks both ways, what it may do works and what it may not is refused by
# the server. Then the accounts' life: a role without Gādība rights, a
# closed account, a forged audit actor.
# Needs $GADIBA_TEST_SERVER (skipped without: SQLite has no server roles).
# Usage: server-roles.sh GADIBA-CLI
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
[ -n "${GADIBA_TEST_SERVER:-}" ] || { echo "1..0 # SKIP no test server"; exit 77; }
dir=$(mktemp -d)
name=gadiba_roles_$$
trap 'psql -qX "$GADIBA_TEST_SERVER" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null; rm -rf "$dir"' EXIT
export LANGUAGE=en LC_ALL=C.UTF-8 GADIBA_PASSWORD=demo-parole
unset GADIBA_USER GADIBA_DB
passed=0 failed=0
fail () { echo "not ok: $*"; failed=$((failed + 1)); }
pass () { passed=$((passed + 1)); }

superuser () {
  psql -qXAt "$(echo "$GADIBA_TEST_SERVER" | sed "s/dbname=[^ ]*/dbname=$name/")" -c "$1"
}

# as ROLE SQL — runs SQL as the demo account ROLE's own server role (over
# TLS where the server offers it, as Gādība does).
as () {
  PGPASSWORD=demo-parole psql -qXAt -v ON_ERROR_STOP=1 \
    "dbname=$name user=$1@$name sslmode=$tls" -c "$2" >"$dir/out" 2>"$dir/err"
}
# may ROLE SQL [EXPECTED-OUTPUT]
may () {
  if ! as "$1" "$2"; then fail "$1 may: $2: $(cat "$dir/err")"; return; fi
  if [ $# -gt 2 ] && [ "$(cat "$dir/out")" != "$3" ]; then
    fail "$1: $2 gave $(cat "$dir/out"), not $3"; return
  fi
  pass
}
# may_not ROLE SQL — refused by the server: no privilege, or a rule of the log.
may_not () {
  if as "$1" "$2"; then fail "$1 may not, yet did: $2"; return; fi
  case "$(cat "$dir/err")" in
    *"permission denied"*|*"append-only"*|*"names the account"*|*"cannot be changed"*|*"cannot be deleted"*) pass;;
    *) fail "$1: $2 failed for another reason: $(cat "$dir/err")";;
  esac
}

psql -qX "$GADIBA_TEST_SERVER" -c "CREATE DATABASE $name" || { echo "could not create $name"; exit 1; }
"$cli" server init --db "dbname=$name" >"$dir/out" 2>&1 || fail "server init: $(cat "$dir/out")"
tls=prefer
[ "$(superuser "SHOW ssl")" = on ] && tls=require
"$cli" demo --db "dbname=$name" --persons 400 >"$dir/out" 2>&1 || fail "demo: $(cat "$dir/out")"

# Passwords are SCRAM verifiers in the server's catalogue; none in Gādība's tables.
[ "$(superuser "SELECT count(*) FROM pg_authid WHERE rolname LIKE '%@$name'
                AND rolpassword LIKE 'SCRAM-SHA-256\$%'")" = 5 ] && pass || fail "SCRAM verifiers"
[ "$(superuser "SELECT count(*) FROM staff WHERE password_hash IS NOT NULL")" = 0 ] && pass ||
  fail "a password hash is stored in staff"
[ "$(superuser "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'
                AND tableowner <> 'gadiba_owner'")" = 0 ] && pass || fail "tables not the owner's"
cases=$(superuser "SELECT count(*) FROM cases")
log=$(superuser "SELECT count(*) FROM audit_log")

# Everyone: the registry's basic data and the catalogues; nobody writes the
# log but by appending, nobody changes or deletes an issued decision.
for role in admin head worker clerk; do
  may "$role" "SELECT count(*) > 0 FROM persons" t
  may_not "$role" "DELETE FROM audit_log"
  may_not "$role" "UPDATE audit_log SET actor = 'x'"
  may_not "$role" "DELETE FROM decisions"
done
may_not auditor "DELETE FROM audit_log WHERE id = 1"
may_not worker "UPDATE decisions SET amount_cents = 1"
may_not head "UPDATE decisions SET amount_cents = 1"

# The clerk: registers, never reads a case file.
may clerk "SELECT count(*) >= 0 FROM schedule_entries" t
may clerk "BEGIN; UPDATE persons SET phone = phone WHERE id = 1; ROLLBACK"
may_not clerk "SELECT count(*) FROM cases"
may_not clerk "SELECT facts FROM decisions"
may_not clerk "SELECT count(*) FROM incomes"
may_not clerk "INSERT INTO decisions (application_id) VALUES (1)"
may_not clerk "UPDATE approvals SET status = 'approved'"
# The log's rows of client files are not the clerk's to read.
may clerk "SELECT count(*) FROM audit_log WHERE entity IN ('case', 'decision', 'application')" 0

# The social worker: their clients' files only (row security), all of them.
as worker "SELECT count(*) FROM cases"; own=$(cat "$dir/out")
if [ "$own" -gt 0 ] && [ "$own" -lt "$cases" ]; then pass; else fail "worker sees $own of $cases cases"; fi
may worker "SELECT count(*) FROM cases WHERE NOT gad_in_scope (person_id)" 0
may worker "SELECT count(*) FROM decisions d WHERE NOT gad_in_scope (d.person_id)" 0
may_not worker "UPDATE approvals SET status = 'approved' WHERE false"
may_not worker "SELECT count(*) FROM budget"
# … and writes only into them: a case for a client outside is refused.
outside=$(superuser "SELECT min(p.id) FROM persons p WHERE p.worker_id IS NOT NULL AND
  NOT EXISTS (SELECT FROM staff w, staff me WHERE w.id = p.worker_id
    AND me.username = 'worker' AND (w.department = me.department OR p.territory_id = me.territory_id))")
as worker "INSERT INTO cases (person_id, worker_id, opened_on) VALUES ($outside, 1, '2026-01-01')"
case "$(cat "$dir/err")" in *"row-level security"*) pass;; *) fail "worker wrote outside: $(cat "$dir/err")";; esac

# The head: every file, approvals, dashboards; hands clients over, writes no file.
may head "SELECT count(*) FROM cases" "$cases"
may head "SELECT count(*) >= 0 FROM budget" t
may head "UPDATE approvals SET note = note WHERE false"
may head "BEGIN; UPDATE persons SET territory_id = territory_id WHERE id = 1; ROLLBACK"
may_not head "UPDATE persons SET first_name = 'X' WHERE id = 1"
may_not head "INSERT INTO cases (person_id, worker_id, opened_on) VALUES (1, 1, '2026-01-01')"

# The auditor: the log, whole; no file, no address.
may auditor "SELECT count(*) FROM audit_log" "$log"
may_not auditor "SELECT count(*) FROM cases"
may_not auditor "SELECT address FROM persons"
may_not auditor "INSERT INTO persons (code) VALUES ('x')"

# The administrator: accounts and settings; no client file.
may admin "BEGIN; UPDATE settings SET value = value WHERE key = 'place'; ROLLBACK"
may_not admin "SELECT notes FROM cases"
may_not admin "SELECT facts FROM decisions"

# Case records: a social worker corrects their own for 24 hours, no one
# else's and none older, whatever program they use; a clerk reads none, a
# head writes none.
as worker "SELECT min(id) FROM cases"; own_case=$(cat "$dir/out")
me=$(superuser "SELECT id FROM staff WHERE username = 'worker'")
boss=$(superuser "SELECT id FROM staff WHERE username = 'head'")
record () {  # record AUTHOR WRITTEN-AT: a record in the worker's case
  superuser "INSERT INTO case_records (case_id, person_id, kind, occurred_on, text, author_id,
    written_at) SELECT id, person_id, 'phone-call', '2026-11-30', 'Zvans.', $1, '$2' FROM cases
    WHERE id = $own_case RETURNING id"
}
before=$(superuser "SELECT count(*) FROM case_records WHERE case_id = $own_case")
fresh=$(record "$me" "$(date -u +%Y-%m-%dT%H:%M:%SZ)")
old=$(record "$me" "2026-01-05T08:00:00Z")
theirs=$(record "$boss" "$(date -u +%Y-%m-%dT%H:%M:%SZ)")
may worker "UPDATE case_records SET text = 'Labots.' WHERE id = $fresh RETURNING id" "$fresh"
may worker "UPDATE case_records SET text = 'Labots.' WHERE id = $old RETURNING id" ""
may worker "UPDATE case_records SET text = 'Labots.' WHERE id = $theirs RETURNING id" ""
may_not worker "UPDATE case_records SET author_id = $me WHERE id = $theirs"
may_not worker "DELETE FROM case_records WHERE id = $fresh"
may_not clerk "SELECT count(*) FROM case_records"
# … and reads the records of their own clients only.
may worker "SELECT count(*) FROM case_records WHERE NOT gad_in_scope (person_id)" 0
as worker "SELECT count(*) FROM case_records"; own_records=$(cat "$dir/out")
all_records=$(superuser "SELECT count(*) FROM case_records")
if [ "$own_records" -gt 0 ] && [ "$own_records" -lt "$all_records" ]; then pass
else fail "worker sees $own_records of $all_records case records"; fi
may head "SELECT count(*) FROM case_records WHERE case_id = $own_case" $((before + 3))
may_not head "INSERT INTO case_records (case_id, person_id, kind, occurred_on, text, author_id,
  written_at) SELECT case_id, person_id, kind, occurred_on, text, $boss, written_at
  FROM case_records WHERE id = $fresh"

# Plans: a social worker reads and writes their own clients' plans only; a
# clerk and an auditor read none, a head changes none.
may worker "SELECT count(*) FROM plan_tasks WHERE NOT gad_in_scope (person_id)" 0
as worker "SELECT count(*) FROM plan_tasks"; own_tasks=$(cat "$dir/out")
all_tasks=$(superuser "SELECT count(*) FROM plan_tasks")
if [ "$own_tasks" -gt 0 ] && [ "$own_tasks" -lt "$all_tasks" ]; then pass
else fail "worker sees $own_tasks of $all_tasks plan tasks"; fi
as worker "SELECT coalesce (string_agg (id::text, ','), '0') FROM plan_tasks"
theirs_task=$(superuser "SELECT min(id) FROM plan_tasks WHERE id NOT IN ($(cat "$dir/out"))")
may worker "UPDATE plan_tasks SET status = 'failed' WHERE id = $theirs_task RETURNING id" ""
may_not clerk "SELECT count(*) FROM plan_tasks"
may_not auditor "SELECT count(*) FROM case_plans"
may_not head "UPDATE plan_goals SET text = 'Cits mērķis'"
may head "SELECT count(*) FROM plan_tasks" "$all_tasks"

# Documents: a clerk sees that they exist, not what they say; an auditor
# neither; nobody changes or removes one (anonymisation is the
# administrator's).
may clerk "SELECT count(*) FROM case_documents" 0
may_not clerk "SELECT count(*) FROM document_contents"
may_not auditor "SELECT count(*) FROM case_documents"
may_not worker "UPDATE case_documents SET name = 'cits.pdf'"
may_not worker "DELETE FROM document_contents"
may_not head "INSERT INTO document_contents (document_id, person_id, bytes) VALUES (1, 1, '')"

# An audit row names the account that writes it, not a name the program sends.
may_not clerk "INSERT INTO audit_log (id, at, actor_id, actor, entity, entity_id, action)
  SELECT max (id) + 1, '2026-01-01T00:00:00Z', 1, 'Someone Else', 'person', 1, 'update'
  FROM gad_audit_last ()"
# Nobody grants themselves a role: the accounts function is the administrator's.
may_not clerk "SELECT gad_server_account ('clerk', NULL, 'head', true)"

# A server account without a Gādība role connects, reads nothing, and is told why.
superuser "CREATE ROLE \"stranger@$name\" LOGIN PASSWORD 'demo-parole'"
may_not stranger "SELECT count(*) FROM persons"
"$cli" search --db "dbname=$name" --user stranger x >"$dir/out" 2>&1
if grep -qF "has no Gādība role" "$dir/out"; then pass; else fail "stranger: $(cat "$dir/out")"; fi
# A wrong password.
GADIBA_PASSWORD=wrong "$cli" search --db "dbname=$name" --user clerk x >"$dir/out" 2>&1
if grep -qF "name or the password is wrong" "$dir/out"; then pass; else fail "wrong password: $(cat "$dir/out")"; fi

# A password past the end an administrator gave it: its own words, until a
# new password is set (the administrator's here) — and it has no end.
"$cli" account end-password --db "dbname=$name" --user admin --login worker \
  --on "$(date +%Y-%m-%d)" >"$dir/out" 2>&1 || fail "ending a password: $(cat "$dir/out")"
"$cli" search --db "dbname=$name" --user worker x >"$dir/out" 2>&1
if grep -qF "password ended on $(date +%d.%m.%Y)" "$dir/out"; then pass
else fail "ended password: $(cat "$dir/out")"; fi
GADIBA_NEW_PASSWORD=demo-parole "$cli" account password --db "dbname=$name" --user admin \
  --login worker >"$dir/out" 2>&1 || fail "a new password: $(cat "$dir/out")"
"$cli" search --db "dbname=$name" --user worker x >"$dir/out" 2>&1 && pass ||
  fail "the worker with a new password: $(cat "$dir/out")"

# Co-payments for home care come from the visits, the plans and whether the
# household is needy: a head's (and a schedule keeper's) work on a server too.
for role in head clerk; do
  "$cli" copayments --db "dbname=$name" --user $role --month 2026-10 >"$dir/out" 2>&1 &&
    pass || fail "$role: copayments on the server: $(cat "$dir/out")"
done

# Retention is the administrator's on a server too, reading no file: the
# clients past the period lose their identifying values, in the log as well.
superuser "UPDATE settings SET value = '2' WHERE key = 'retention_years'"
"$cli" retention --db "dbname=$name" --user admin --anonymise --yes >"$dir/out" 2>&1 ||
  fail "retention on the server: $(cat "$dir/out")"
gone=$(superuser "SELECT count(*) FROM persons WHERE anonymised_on IS NOT NULL")
[ "$gone" -gt 0 ] && pass || fail "retention anonymised nobody: $(cat "$dir/out")"
[ "$(superuser "SELECT count(*) FROM audit_changes c JOIN audit_log l ON l.id = c.audit_id
                JOIN persons p ON p.id = l.person_id WHERE p.anonymised_on IS NOT NULL
                AND c.field IN ('first_name', 'last_name', 'address', 'phone')
                AND (c.old_value IS NOT NULL OR c.new_value IS NOT NULL)")" = 0 ] && pass ||
  fail "identifying values of anonymised clients are left in the log"
may admin "SELECT count(*) FROM audit_changes c JOIN audit_log l ON l.id = c.audit_id
  WHERE l.entity IN ('case', 'decision', 'application')" 0

# A closed account: the server refuses it at once, even on a connection that
# was open, and signing in fails.
PGPASSWORD=demo-parole psql -qXAt "dbname=$name user=clerk@$name" >"$dir/held" 2>&1 <<'EOF' &
SELECT 'before', count(*) > 0 FROM persons;
SELECT pg_sleep (6);
SELECT 'after', count(*) > 0 FROM persons;
EOF
held=$!
sleep 1
"$cli" account set --db "dbname=$name" --user admin --login clerk --role clerk --closed \
  >"$dir/out" 2>&1 || fail "closing the clerk: $(cat "$dir/out")"
wait $held
if grep -q "before|t" "$dir/held" && grep -q "permission denied" "$dir/held" &&
   ! grep -q "after|t" "$dir/held"; then pass
else fail "the closed clerk's open connection: $(cat "$dir/held")"; fi
"$cli" search --db "dbname=$name" --user clerk x >"$dir/out" 2>&1
if grep -qF "name or the password is wrong" "$dir/out"; then pass; else fail "closed clerk: $(cat "$dir/out")"; fi
[ "$(superuser "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'clerk@$name'")" = f ] && pass ||
  fail "the closed clerk's role may still log in"

# All of this left the chain whole.
"$cli" audit verify --db "dbname=$name" --user auditor >"$dir/out" 2>&1
if grep -qF intact "$dir/out"; then pass; else fail "audit verify: $(cat "$dir/out")"; fi

echo "server-roles: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
