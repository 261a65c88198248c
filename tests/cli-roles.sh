#!/usr/bin/env bash
# cli-roles.sh — every gadiba-cli command of the README, run as the role the
# README names for it on a demo database with accounts, and once as a role
# that must be refused. Checks exit status, output, file modes and the audit.
# Usage: cli-roles.sh GADIBA-CLI
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/demo.db
export GADIBA_PASSWORD=demo-parole GADIBA_NEW_PASSWORD="jauna ilga parole" LANGUAGE=en LC_ALL=C.UTF-8
unset GADIBA_USER GADIBA_DB
passed=0 failed=0

fail () { echo "not ok: $*"; failed=$((failed + 1)); }
pass () { passed=$((passed + 1)); }

# run ROLE ARGS… — as ROLE ("-" for no account); sets $status, $out, $err.
run () {
  local role=$1; shift
  local user=()
  [ "$role" != - ] && user=(--user "$role")
  "$cli" "$1" --db "$db" "${user[@]}" "${@:2}" >"$dir/out" 2>"$dir/err"
  status=$?
  out=$(cat "$dir/out"); err=$(cat "$dir/err")
}

# allowed ROLE EXPECTED-TEXT ARGS… — exit 0 and EXPECTED-TEXT in the output.
allowed () {
  local role=$1 expect=$2; shift 2
  run "$role" "$@"
  if [ "$status" -ne 0 ]; then fail "$role: $* exited $status: $err"; return; fi
  if [ -n "$expect" ] && ! grep -qF -- "$expect" "$dir/out" "$dir/err"; then
    fail "$role: $* did not say “$expect”: $out $err"; return
  fi
  pass
}

# refused ROLE ARGS… — exit 1, a message about the role, and no file written.
refused () {
  local role=$1; shift
  run "$role" "$@"
  if [ "$status" -ne 1 ]; then fail "$role: $* should be refused, exited $status"; return; fi
  case "$err" in
    *"does not allow this"*|*"another department"*|*"Sign in"*|*"in use already"*|*"exists already"*) pass;;
    *) fail "$role: $* refused without saying why the role may not: $err";;
  esac
}

mode_is_0600 () {
  if [ "$(stat -c %a "$1")" = 600 ]; then pass; else fail "$1 is $(stat -c %a "$1"), not 600"; fi
}

# The audit log, read by the auditor, names a read of client data.
audited () {
  run auditor audit list
  if grep -qF -- "$1" "$dir/out"; then pass; else fail "no audit row with “$1”"; fi
}

# ---- building the database -------------------------------------------------
allowed - "persons written" demo --persons 1500
refused - demo --persons 10                 # not into a database in use
refused - account init --name X --login x   # the administrator exists already
allowed - "intact" audit verify

# ---- the administrator ------------------------------------------------------
cat >"$dir/new.csv" <<'CSV'
personal_code;surname;first_name;gender;birth_date;address;phone
329999-00001;Jaunzeme;Laima;F;01.02.1950;Liepu iela 1, Bauska;+371 20000001
329999-00002;Jaunzems;Pēteris;M;03.04.1948;Liepu iela 1, Bauska;+371 20000002
CSV
refused clerk import persons "$dir/new.csv"
refused worker import persons "$dir/new.csv"
allowed admin "2 persons imported" import persons "$dir/new.csv"
run admin import persons "$dir/new.csv"            # the same file again
if [ "$status" -eq 1 ] && grep -qF "imported already" "$dir/err"; then pass; else fail "imported twice: $status $err"; fi
# The history: a household, payments with one bad row, checked first, then the good rows only.
cat >"$dir/family.csv" <<'CSV'
Personas kods;Uzvārds;Vārds;Dzimums
329999-00003;Ābele;Dace;S
329999-00004;Ābele;Roberts;V
CSV
allowed admin "2 persons imported" import persons "$dir/family.csv"
cat >"$dir/household.csv" <<'CSV'
Mājsaimniecība;Personas kods;Radniecība;No
J1;329999-00003;iesniedzēja;01.01.2020
J1;329999-00004;bērns;01.01.2020
CSV
allowed admin "2 rows imported" import households "$dir/household.csv"
cat >"$dir/paid.csv" <<'CSV'
personal_code;benefit;month;amount;source
329999-00003;gmi;01.2019;109,00;municipal
329999-00004;housing;13.2019;45,50;state
CSV
allowed admin "1 row can be imported; nothing was written" import payments --dry-run --skip-bad "$dir/paid.csv"
if grep -qF "paid.csv:3: column “month”" "$dir/err"; then pass; else fail "no bad row named: $err"; fi
run admin import payments "$dir/paid.csv"
if [ "$status" -eq 1 ] && grep -qF "nothing was imported" "$dir/err"; then pass; else fail "a bad row let the import through: $status $err"; fi
allowed admin "1 row imported; 1 bad row skipped" import payments --skip-bad "$dir/paid.csv"
refused clerk import payments --skip-bad "$dir/paid.csv"
allowed admin "Template written" import services --template "$dir/services-template.csv"
if head -1 "$dir/services-template.csv" | grep -qF "personal_code;service;from;to;level;hours_per_week;staff"; then pass; else fail "template header"; fi
audited "paid.csv"
allowed head "possible duplicate" duplicates
refused - duplicates
# My Work: the demo worker's own open cases without a record for 60 days.
allowed worker "items due" due
if grep -qP "\toverdue\tcase\t" "$dir/out"; then pass; else fail "due: no quiet case: $out"; fi
allowed head "items due" due
refused clerk due
refused auditor due
allowed head "Jaunzeme" search Jaunz
allowed admin "persons exported" export persons "$dir/registry.csv"
mode_is_0600 "$dir/registry.csv"
audited "persons.csv"
refused auditor export persons "$dir/registry2.csv"
allowed admin "" account list
allowed admin "" account add --name "Rūta Liepa" --login ruta --role clerk
refused head account add --name "Cits" --login cits --role clerk
allowed admin "" account end-password --login ruta --on 31.12.2999
refused head account end-password --login ruta --on never
allowed admin "" retention --years 3
refused head retention --years 3
allowed admin "" backup --out "$dir/backup.db"
mode_is_0600 "$dir/backup.db"
refused clerk backup --out "$dir/backup2.db"
refused worker restore --from "$dir/backup.db"

# ---- the social worker ------------------------------------------------------
allowed worker "Jaunzeme" search Jaunzeme
refused auditor search Jaunzeme
# Laima lives alone at 76: K = 2.5; no housing costs declared, so the
# formula's result (with her GMI benefit as income) is capped at them — in the UI's number
# format (Latvian with no-break spaces before €).
allowed worker "2.50 × €187.00 + €0.00 − €187.00 = €280.50" assess --person 329999-00001 --date 2026-03-01
if grep -qF "Capped at the actual housing costs	€0.00" "$dir/out"; then pass; else fail "no cap line: $out"; fi
LANGUAGE=lv allowed worker "2,50 × 187,00 € + 0,00 € − 187,00 € = 280,50 €" assess --person 329999-00001 --date 2026-03-01
audited "assessment 2026-03-01"
refused clerk assess --person 329999-00001
allowed worker "" person-export --person 329999-00001 --json "$dir/p.json" --pdf "$dir/p.pdf"
mode_is_0600 "$dir/p.json"
mode_is_0600 "$dir/p.pdf"
refused clerk person-export --person 329999-00001 --json "$dir/q.json" --pdf "$dir/q.pdf"
# Documents into a client's open case: the worker's own client; a damaged
# PDF among the files adds none of them; a clerk adds none.
client=$(python3 - "$db" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT p.code FROM persons p JOIN cases c ON c.person_id = p.id"
    " JOIN staff s ON s.id = c.worker_id WHERE s.username = 'worker'"
    " AND c.closed_on IS NULL ORDER BY p.id LIMIT 1").fetchone()[0])
PY
)
printf '%%PDF-1.4\nbojāts' >"$dir/bad.pdf"
printf 'Izziņa no skolas' >"$dir/izzina.txt"
run worker attach --person "$client" "$dir/p.pdf" "$dir/bad.pdf"
if [ "$status" -eq 1 ] && grep -qF "bad.pdf" "$dir/err"; then pass; else fail "attach with a damaged PDF: $status $err"; fi
allowed worker "izzina.txt" attach --person "$client" "$dir/p.pdf" "$dir/izzina.txt"
if [ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ]; then pass; else fail "attach kept: $out"; fi
refused clerk attach --person "$client" "$dir/izzina.txt"
# … and the file's summary for a court, with the documents' list.
allowed worker "page" case-summary --person "$client" --from 01.01.2020 --out "$dir/summary.pdf"
mode_is_0600 "$dir/summary.pdf"
if pdftotext "$dir/summary.pdf" - | grep -qF "izzina.txt"; then pass; else fail "summary without the document"; fi
audited "case summary 2020-01-01"
refused clerk case-summary --person "$client" --out "$dir/summary2.pdf"
team="Aprūpes un sociālās rehabilitācijas nodaļa"
allowed worker "Home care" schedule --team "$team" --week 2026-W48
allowed worker "" schedule --team "$team" --week 2026-W48 --format pdf --out "$dir/round.pdf"
mode_is_0600 "$dir/round.pdf"
allowed worker "" schedule --team "$team" --week 2026-W48 --format ics --out "$dir/round.ics"
mode_is_0600 "$dir/round.ics"
audited "Week 48"
refused auditor schedule --team "$team" --week 2026-W48
allowed worker "" conflicts --from 2026-11-23 --to 2026-11-29
refused auditor conflicts --from 2026-11-23 --to 2026-11-29

# ---- the clerk --------------------------------------------------------------
allowed clerk "Free slots" reception --office 1 --date 2026-11-24
allowed clerk "" reception --office 1 --date 2026-11-24 --format pdf --out "$dir/day.pdf"
mode_is_0600 "$dir/day.pdf"
refused auditor reception --office 1 --date 2026-11-24

# ---- the head ---------------------------------------------------------------
allowed head "" letter --decision 2026/SD-000001 --out "$dir/letter.pdf"
mode_is_0600 "$dir/letter.pdf"
audited "letter 2026/SD-000001"
refused clerk letter --decision 2026/SD-000001 --out "$dir/letter2.pdf"
allowed head "written to" letters --from 2026-01-01 --to 2026-01-31 --out "$dir/letters"
audited "letters 2026-01-01"
refused worker letters --from 2026-01-01 --to 2026-01-31 --out "$dir/letters2"
allowed head "home_care_recipients" stats --table home_care_recipients --from 2012 --to 2014
refused worker stats --table home_care_recipients --from 2012 --to 2014
allowed head "" chart --kind recipients-per-year --from 2012 --to 2014 --format png --out "$dir/c.png"
mode_is_0600 "$dir/c.png"
refused clerk chart --kind recipients-per-year --from 2012 --to 2014 --format png --out "$dir/d.png"
run head chart --kind recipients-per-year --from 2012 --to 2014 --service nosuch --format png --out "$dir/e.png"
if [ "$status" -eq 1 ] && [ ! -e "$dir/e.png" ] && [[ "$err" == *nosuch* ]]; then pass; else fail "chart --service nosuch: $status $err"; fi
allowed head "" report --year 2026 --out "$dir/report.pdf"
mode_is_0600 "$dir/report.pdf"
refused worker report --year 2026 --out "$dir/report2.pdf"
allowed head "needy_persons" ministry --month 2026-10
refused clerk ministry --month 2026-10
allowed head "" copayments --month 2026-10
refused auditor copayments --month 2026-10
allowed head "" audit list --client 329999-00001

# ---- the auditor ------------------------------------------------------------
allowed auditor "sign-in" audit list
refused worker audit list
allowed - "intact" audit verify

# ---- moving to the service's server (where the suite has a test server) ----
if [ -n "${GADIBA_TEST_SERVER:-}" ]; then
  name=gadiba_cli_$$
  psql -q "$GADIBA_TEST_SERVER" -c "CREATE DATABASE $name" || fail "could not create $name"
  trap 'psql -q "$GADIBA_TEST_SERVER" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"; rm -rf "$dir"' EXIT
  server="dbname=$name"
  allowed - "ready" server init --db "$server"
  refused clerk migrate --from "$db" --to "$server"
  allowed admin "audit chain" migrate --from "$db" --to "$server"
  run admin migrate --from "$db" --to "$server"
  if [ "$status" -eq 1 ] && [[ "$err" == *"not empty"* ]]; then pass; else fail "second migrate: $status $err"; fi
  # Every account is a server role now; only the administrator who moved the
  # file has a password there, and gives the others theirs.
  db=$server
  run worker search Bērz
  if [ "$status" -eq 1 ] && [[ "$err" == *"name or the password is wrong"* ]]; then pass
  else fail "worker signed in to the server without a password: $status $err"; fi
  for login in head worker clerk auditor; do
    GADIBA_NEW_PASSWORD=$GADIBA_PASSWORD allowed admin "" account password --login $login
  done
  db=$dir/demo.db
  "$cli" search --db "$db" --user worker Bērz >"$dir/file.txt" 2>&1
  "$cli" search --db "$server" --user worker Bērz >"$dir/server.txt" 2>&1
  if [ -s "$dir/file.txt" ] && cmp -s "$dir/file.txt" "$dir/server.txt"; then pass
  else fail "search differs on the server: $(diff "$dir/file.txt" "$dir/server.txt" | head -5)"; fi
  "$cli" audit verify --db "$server" >"$dir/out" 2>&1
  if grep -qF intact "$dir/out"; then pass; else fail "audit verify on the server: $(cat "$dir/out")"; fi
  "$cli" audit verify --db "$server" --user auditor >"$dir/out" 2>&1
  if grep -qF intact "$dir/out"; then pass; else fail "the auditor's audit verify on the server: $(cat "$dir/out")"; fi
  # A server's backup is pg_dump's snapshot; it restores into an empty
  # database of the same name (the staff's server roles are named after it),
  # and server init makes the server enforce the roles on it again.
  db=$server
  allowed admin "" backup --out "$dir/server.dump"
  mode_is_0600 "$dir/server.dump"
  refused clerk backup --out "$dir/server2.dump"
  db=$dir/demo.db
  psql -q "$GADIBA_TEST_SERVER" -c "DROP DATABASE $name WITH (FORCE)" -c "CREATE DATABASE $name" &&
    pg_restore --no-owner --dbname "$(echo "$GADIBA_TEST_SERVER" | sed "s/dbname=[^ ]*/dbname=$name/")" \
      "$dir/server.dump" || fail "pg_restore of the server backup"
  allowed - "ready" server init --db "$server"
  "$cli" search --db "$server" --user worker Bērz >"$dir/restored.txt" 2>&1
  if cmp -s "$dir/file.txt" "$dir/restored.txt"; then pass; else fail "the restored backup differs: $(cat "$dir/restored.txt" | head -3)"; fi
  "$cli" audit verify --db "$server" >"$dir/out" 2>&1
  if grep -qF intact "$dir/out"; then pass; else fail "audit verify after restore: $(cat "$dir/out")"; fi
  run admin restore --db "$server" --from "$dir/server.dump"
  if [ "$status" -eq 1 ] && [[ "$err" == *"pg_restore"* ]]; then pass; else fail "restore on a server: $status $err"; fi
  # The demo county on a server (built in a file and moved there), then refused there.
  demo=${name}_demo
  psql -q "$GADIBA_TEST_SERVER" -c "CREATE DATABASE $demo" || fail "could not create $demo"
  trap 'psql -q "$GADIBA_TEST_SERVER" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "DROP DATABASE IF EXISTS $demo WITH (FORCE)"; rm -rf "$dir"' EXIT
  "$cli" demo --db "dbname=$demo" --persons 300 >"$dir/out" 2>"$dir/err"
  if [ $? -eq 0 ] && grep -qF "300 persons written" "$dir/out"; then pass; else fail "demo on a server: $(cat "$dir/err")"; fi
  "$cli" audit verify --db "dbname=$demo" >"$dir/out" 2>&1
  if grep -qF intact "$dir/out"; then pass; else fail "audit verify of the server's demo: $(cat "$dir/out")"; fi
  "$cli" demo --db "dbname=$demo" --persons 10 >"$dir/out" 2>"$dir/err"
  if [ $? -eq 1 ] && grep -qF "in use already" "$dir/err"; then pass; else fail "a second demo on a server: $(cat "$dir/err")"; fi
fi
# route order: a parish's farmsteads (LKS-92) in the shortest order, back to
# the office; a file with bad rows names each and orders nothing.
data=$(dirname "$0")/data
allowed - "Total: " route order --stops "$data/route-stops.csv"
if [ "$(grep -v '^Total' "$dir/out" | grep -c ' km$')" -eq 13 ] && head -1 "$dir/out" | grep -qF "Pagasta pārvalde" &&
   grep -qF "Lower bound" "$dir/out"; then pass; else fail "route order: $out"; fi
run - route order --stops "$data/route-stops-bad.csv"
if [ "$status" -eq 1 ] && [ -z "$out" ] && [[ "$err" == *"3 rows are wrong"* ]] &&
   [[ "$err" == *"line 4: "*swapped* ]] && [[ "$err" == *"line 5: "*"not in Latvia"* ]] &&
   [[ "$err" == *"line 6: "* ]]; then pass; else fail "route order with bad rows: $status $err"; fi

# The register of remote farmsteads: the worker confirms one the rules
# propose, records a visit that points to home care; a clerk is refused.
allowed worker "persons proposed" remote --proposed
proposed=$(head -1 "$dir/out" | cut -d';' -f1)
if [ -n "$proposed" ]; then pass; else fail "remote --proposed proposed nobody"; fi
allowed worker "" remote add --person "$proposed"
allowed worker "" remote visit --person "$proposed" --outcome visited --risks mobility,food
allowed worker "needs home care" remote
if grep -qF "$proposed" "$dir/out"; then pass; else fail "remote lists not $proposed: $out"; fi
run worker remote --due
if [ "$status" -eq 0 ] && ! grep -qF "$proposed" "$dir/out"; then pass; else fail "visited today, still due: $out"; fi
run worker remote visit --person "$proposed" --outcome visited --risks wolves
if [ "$status" -eq 1 ] && [[ "$err" == *"not a risk"* ]]; then pass; else fail "a bad risk: $status $err"; fi
refused clerk remote
refused clerk remote add --person "$proposed" --reason "Viena"

# A day's route: the register's due into the worker's schedule, read back
# with times, and as the sheet for the car; a clerk is refused. Places from
# the state address register's open data as the worker; not as the auditor.
staff=$(python3 - "$db" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM staff WHERE username = 'worker'").fetchone()[0])
PY
)
day=$(date +%d.%m.%Y)
allowed worker "Total: " route --staff "$staff" --date "$day" --save
run worker route --staff "$staff" --date "$day"
if [ "$status" -eq 0 ] && [ "$(grep -cE ' km  [0-9]{2}:[0-9]{2}' "$dir/out")" -ge 2 ]; then pass; else fail "the day's route: $status $out $err"; fi
stops=$(python3 - "$db" "$staff" <<'PY'
import sqlite3, sys, datetime
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT count (*) FROM schedule_entries WHERE on_route = 1 AND staff_id = ? AND start_date = ?",
    (int(sys.argv[2]), datetime.date.today().isoformat())).fetchone()[0])
PY
)
if [ "$stops" -ge 1 ] && [ "$((stops + 1))" -eq "$(grep -cE ' km  [0-9]{2}:[0-9]{2}' "$dir/out")" ]; then pass; else fail "route stops in the schedule (and back at the office): $stops"; fi
allowed worker "" route --staff "$staff" --date "$day" --format pdf --out "$dir/route.pdf"
if head -c 5 "$dir/route.pdf" | grep -qF "%PDF-"; then pass; else fail "route sheet is no PDF"; fi
refused clerk route --staff "$staff" --date "$day"
allowed worker "placed from 5 addresses" remote places --file "$data/vzd-addresses.csv"
refused auditor remote places --file "$data/vzd-addresses.csv"

# Client surveys: a form's export imported by the clerk, all or nothing;
# the results the head's, as CSV that adds up and as a PDF.
cat >"$dir/survey.csv" <<'CSV'
Laikspiedols,Dzimums,Vecums,need,14
04.12.2026 10:00,Sieviete,25–34,"Jā, regulāri",5
04.12.2026 10:05,Vīrietis,2,3,4
CSV
cat >"$dir/survey-bad.csv" <<'CSV'
Laikspiedols,Dzimums,Vecums,need,14
04.12.2026 10:00,Sieviete,25–34,"Jā, regulāri",5
04.12.2026 10:05,Vīrietis,2,3,7
CSV
run clerk survey import --survey 1 "$dir/survey-bad.csv"
if [ "$status" -eq 1 ] && [[ "$err" == *"Line 3: Question 14"*"scale of 1 to 5"* ]]; then pass; else fail "survey import with a bad row: $status $err"; fi
refused auditor survey import --survey 1 "$dir/survey.csv"
allowed clerk "2 responses imported" survey import --survey 1 "$dir/survey.csv"
allowed clerk "Laikspiedols" survey import --survey 1 "$dir/survey.csv"
allowed worker ";Aukles pakalpojuma vajadzības aptauja;2026-03-02;2026-04-30;1;552" survey
refused clerk survey results --survey 1
allowed head "question,answer,group,count,percent" survey results --survey 1 --by age
if [ "$(awk -F, '$1 == "Dzimums" { n += $4 } END { print n }' "$dir/out")" = 552 ]; then pass; else fail "survey results by age do not add up to 552: $out"; fi
allowed head "" survey results --survey 3 --compare 2 --format pdf --lang en --out "$dir/survey.pdf"
if pdftotext "$dir/survey.pdf" - | grep -qF "Compared with: 10.2025"; then pass; else fail "survey summary: no comparison"; fi

# The strategy's indicators in a year: a computed one is the yearly table's figure.
allowed head "code,indicator,target,value,source,status" strategy --year 2026
care=$(awk -F, '$1 == "1.2.1" { print $4 }' "$dir/out")
run head stats --table home_care_recipients --from 2026 --to 2026
if [ -n "$care" ] && [ "$care" = "$(awk -F, 'NR > 1 { n += $4 } END { printf "%.2f", n }' "$dir/out")" ]; then pass; else fail "strategy's home care $care is not the stats' $out"; fi
refused worker strategy --year 2026

# ---- official documents ----------------------------------------------------
# The templates: anyone reads one; the administrator saves a new version; a
# template naming an unknown field is refused and the one in use stays.
allowed worker "version 0" template export --kind certificate "$dir/certificate.json"
sed 's/Izziņa ir derīga līdz/Šī izziņa ir spēkā līdz/' "$dir/certificate.json" >"$dir/better.json"
refused worker template import --kind certificate "$dir/better.json"
allowed admin "saved as version 1" template import --kind certificate "$dir/better.json"
sed 's/{person.code}/{person.shoe_size}/' "$dir/certificate.json" >"$dir/bad.json"
run admin template import --kind certificate "$dir/bad.json"
if [ "$status" -eq 1 ] && [[ "$err" == *"{person.shoe_size}"* ]]; then pass; else fail "a template with an unknown field: $status $err"; fi
run admin template import --kind referral "$dir/better.json"
if [ "$status" -eq 1 ] && [[ "$err" == *"not of a Referral"* ]]; then pass; else fail "a certificate's template taken for a referral: $status $err"; fi
allowed admin "version 1" template export --kind certificate "$dir/now.json"
if grep -qF "Šī izziņa ir spēkā līdz" "$dir/now.json"; then pass; else fail "the saved version is not the one in use"; fi
# A referral by the social worker, read back; a clerk issues none.
allowed worker "written to" document --kind referral --person 329999-00001 --to "Psihologs A. Liepa" --reason "Atbalsts pēc zaudējuma." --out "$dir/referral.pdf"
mode_is_0600 "$dir/referral.pdf"
if pdftotext "$dir/referral.pdf" - | tr -s ' \n' ' ' | grep -qF "Atbalsts pēc zaudējuma."; then pass; else fail "the referral does not say why"; fi
refused clerk document --kind referral --person 329999-00001 --to X --reason Y --out "$dir/referral2.pdf"
# No status, no certificate; no duties, no agreement: said, nothing written.
run worker document --kind certificate --person 329999-00001 --out "$dir/cert.pdf"
if [ "$status" -eq 1 ] && [ ! -e "$dir/cert.pdf" ] && [[ "$err" == *"needy or low-income"* ]]; then pass; else fail "a certificate without a status: $status $err"; fi
run worker document --kind agreement --person 329999-00001 --out "$dir/agreement.pdf"
if [ "$status" -eq 1 ] && [[ "$err" == *"duties"* ]]; then pass; else fail "an agreement without duties: $status $err"; fi
# This month's certificates: those of the worker's clients, issued or written.
month=$(date +%Y-%m)
allowed worker "written to" documents --kind certificate --from "$month-01" --to "$(date -d "$month-01 +1 month -1 day" +%F)" --out "$dir/certificates"
refused clerk documents --kind certificate --from "$month-01" --to "$month-28" --out "$dir/certificates2"
audited "issued_document;"

# Group work: the groups of a year, the feedback's mean the head's to read;
# the yearly table's participants are the groups' clients and others.
allowed worker ",Vecāku skola (pavasaris),parents-school,families-with-children," groups --year 2025
if awk -F'[,\r]' 'NR > 1 && $12 != "" { bad = 1 } END { exit bad }' "$dir/out"; then pass; else fail "the worker read the feedback's mean: $out"; fi
group=$(awk -F'[,\r]' '$2 == "Sociālo prasmju grupa jauniešiem" { print $1 }' "$dir/out")
listed=$(awk -F'[,\r]' 'NR > 1 { n += $8 + $9 } END { print n }' "$dir/out")
allowed head "" groups --year 2025
if awk -F'[,\r]' 'NR > 1 && $11 > 0 && $12 == "" { bad = 1 } END { exit bad }' "$dir/out"; then pass; else fail "the head has no feedback mean: $out"; fi
run head stats --table group_work --from 2025 --to 2025
if [ "$(awk -F'[,\r]' '$3 == "participants" { print $4 }' "$dir/out")" = "$listed" ]; then pass; else fail "group work's participants are not the groups' $listed: $out"; fi
allowed clerk "date,topic,status,clients_present,others_present" groups --group "$group"
if [ "$(grep -c '^2025-' "$dir/out")" = 13 ]; then pass; else fail "the social skills group has not its 13 sessions: $out"; fi
refused auditor groups --year 2025

# A connection string is never taken for a file name.
"$cli" search --db "postgresql:///gadiba_nosuch?host=$dir" --user worker x >/dev/null 2>&1
if [ ! -e postgresql: ] && [ ! -e "$dir/postgresql:" ]; then pass; else fail "a URI became a folder"; fi

echo "cli-roles: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
