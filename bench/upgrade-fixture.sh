#!/usr/bin/env bash
# bench/upgrade-fixture.sh - writes the upgrade fixture of a release: the data a node of that release
# holds after some realistic use, kept in the repository so that the NEXT release's tests can upgrade it
# (core/store SchemaUpgradeTest, itests-ui UpgradeIT; decision 0025).
#
# What one run does
#   1. unpacks the release's distribution tar.gz afresh under WORK (free loopback ports), boots it with
#      the region feature proeftuin-region-centraal-gelderland (municipalities, default bindings) and a
#      regional administrator made by bin/proeftuin-admin (known password, see below);
#   2. fills it through the public API only: persons (two with a BSN), relationships, a household, two
#      cases with team, plan versions, entries, an evaluation, triage with an assessment, a binding
#      change, a second user;
#   3. stops it cleanly (SIGTERM), then writes into OUT:
#        database.sql     H2's SCRIPT of the whole database (schema, data, flyway_schema_history)
#        etc/             the platform's etc/ files: proeftuin-* (users, access-log key) and
#                         nl.proeftuin.*.cfg (among them the BSN key NationalIdProtection.cfg)
#        data/audit/      the access log's checkpoints
#        expected.properties  what the tests check after the upgrade (ids, counts, the BSN, the login)
#
# Usage:  bench/upgrade-fixture.sh DISTRIBUTION.tar.gz OUT
# Needs:  curl, python3 (free ports), java 17. Talks to 127.0.0.1 only.
set -euo pipefail
export LC_ALL=C
TGZ=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ $# -eq 2 ] || { echo "usage: $0 DISTRIBUTION.tar.gz OUT" >&2; exit 2; }
# OUT absolute (the copies below run in other directories); only an empty directory or an earlier
# fixture (it has expected.properties) is replaced, never anything else a typo could name
OUT=$(mkdir -p "$2" && cd "$2" && pwd)
if [ "${OUT}" = / ] || { [ -n "$(ls -A "${OUT}")" ] && [ ! -f "${OUT}/expected.properties" ]; }; then
  echo "refusing to replace ${OUT}: not empty and not an earlier fixture" >&2; exit 2
fi
WORK=${WORK:-$(mktemp -d)}
# The fixture's only login. Not a secret: it exists only in this fixture's users file.
USER_ID=beheer
PASSWORD='Upgrade-Fixture-0.1.0-Lindeboom'
# Two BSNs that pass the eleven test (made up).
BSN_MOTHER=111222333
BSN_CHILD=123456782

# free_port (below the ephemeral range) from the benches' lib.sh; this script defines its own stop_karaf below
# shellcheck source=bench/lib.sh
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
KARAF_PID=
stop_karaf() {
  if [ -n "${KARAF_PID}" ] && kill -0 "${KARAF_PID}" 2>/dev/null; then
    kill -TERM -- "-${KARAF_PID}" 2>/dev/null || kill -TERM "${KARAF_PID}" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "${KARAF_PID}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-${KARAF_PID}" 2>/dev/null || true
  fi
  KARAF_PID=
}
trap stop_karaf EXIT INT TERM

tar xzf "${TGZ}" -C "${WORK}"
HOME_DIR=$(echo "${WORK}"/nl.proeftuin.distribution-*)
HTTP=$(free_port); SSH=$(free_port); RMIR=$(free_port); RMIS=$(free_port)
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = ${HTTP}/" "${HOME_DIR}/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = ${SSH}/" "${HOME_DIR}/etc/org.apache.karaf.shell.cfg"
# a release before decision 0057 still runs JMX over RMI
[ ! -f "${HOME_DIR}/etc/org.apache.karaf.management.cfg" ] || sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = ${RMIR}/; s/^rmiServerPort *=.*/rmiServerPort = ${RMIS}/" "${HOME_DIR}/etc/org.apache.karaf.management.cfg"
sed -i 's/^featuresBoot = \\/featuresBoot = \\\n    proeftuin-region-centraal-gelderland, \\/' "${HOME_DIR}/etc/org.apache.karaf.features.cfg"
printf '%s\n' "${PASSWORD}" | "${HOME_DIR}/bin/proeftuin-admin" create-administrator --name "Regio Beheer" \
  --role COORDINATOR --role PROFESSIONAL --role AUDITOR "${USER_ID}"

BASE="http://127.0.0.1:${HTTP}/api/v1"
setsid "${HOME_DIR}/bin/proeftuin" < /dev/null > "${WORK}/karaf.out" 2>&1 &
KARAF_PID=$!
ready=
for _ in $(seq 1 1200); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "${BASE}/health/ready")" = "200" ] && { ready=1; break; }
  sleep 0.1
done
[ -n "${ready}" ] || { echo "not ready after 120 s; see ${HOME_DIR}/data/log/karaf.log" >&2; exit 1; }

TOKEN=
for _ in $(seq 1 50); do
  TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"${USER_ID}\",\"password\":\"${PASSWORD}\"}" "${BASE}/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [ -n "${TOKEN}" ] && break
  sleep 0.2
done
[ -n "${TOKEN}" ] || { echo "login failed" >&2; exit 1; }
# call METHOD PATH [JSON]: the answer's body; fails the script on any status >= 300
call() {
  local out status
  out=$(curl -s -w '\n%{http_code}' -X "$1" -H 'Content-Type: application/json' -H "Authorization: Bearer ${TOKEN}" \
    ${3:+-d "$3"} "${BASE}$2")
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  [ "${status}" -lt 300 ] || { echo "$1 $2 answered ${status}: ${out}" >&2; exit 1; }
  printf '%s' "${out}"
}
id_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
# wait until the pending account (name, all municipalities) and the region's register are applied
for _ in $(seq 1 100); do
  curl -s -H "Authorization: Bearer ${TOKEN}" "${BASE}/municipalities" | grep -q '"Arnhem"' && break
  sleep 0.2
done

MOTHER=$(call POST /persons "{\"givenName\":\"Samira\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"1988-04-02\",\"nationalId\":\"${BSN_MOTHER}\"}" | id_of)
CHILD=$(call POST /persons "{\"givenName\":\"Noor\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"2014-09-12\",\"nationalId\":\"${BSN_CHILD}\"}" | id_of)
FATHER=$(call POST /persons '{"givenName":"Kevin","familyName":"Jansen","dateOfBirth":"1985-11-20"}' | id_of)
LOTTE=$(call POST /persons '{"givenName":"Lotte","familyName":"Visser","dateOfBirth":"2012-05-05"}' | id_of)
call POST /relationships "{\"fromPersonId\":\"${MOTHER}\",\"toPersonId\":\"${CHILD}\",\"type\":\"PARENT_OF\",\"since\":\"2014-09-12\"}" >/dev/null
call POST /relationships "{\"fromPersonId\":\"${MOTHER}\",\"toPersonId\":\"${FATHER}\",\"type\":\"EX_PARTNER_OF\",\"until\":\"2023-06-01\"}" >/dev/null
HOUSEHOLD=$(call POST /households '{"address":"Steenstraat 12","postalCode":"6828 CH","municipality":"Arnhem"}' | id_of)
call POST "/households/${HOUSEHOLD}/members" "{\"personId\":\"${MOTHER}\",\"since\":\"2020-01-01\"}" >/dev/null

TODAY=$(TZ=Europe/Amsterdam date +%F) # the Dutch day, as the platform counts days
CASE1=$(call POST /cases "{\"kind\":\"SIGNAL\",\"source\":\"POLICE\",\"description\":\"Politie meldt huiselijk geweld, kinderen waren thuis.\",\"receivedOn\":\"${TODAY}\",\"municipality\":\"Arnhem\",\"members\":[{\"personId\":\"${MOTHER}\",\"roles\":[\"PARENT\",\"VICTIM\"]},{\"personId\":\"${CHILD}\",\"roles\":[\"CHILD\",\"WITNESS\"]},{\"personId\":\"${FATHER}\",\"roles\":[\"PARENT\",\"PERPETRATOR\"]}]}" | id_of)
call POST "/cases/${CASE1}/team" "{\"professionalId\":\"${USER_ID}\",\"name\":\"Regio Beheer\",\"organisation\":\"Wijkteam Arnhem-Oost\",\"role\":\"FIXED_PROFESSIONAL\",\"casusregie\":true}" >/dev/null
call POST "/cases/${CASE1}/team" '{"professionalId":"rob.rvt","name":"Rob Smit","organisation":"RVT Gelderland-Midden","role":"RVT_PROFESSIONAL","casusregie":false}' >/dev/null
PLAN1="{\"goals\":[{\"id\":\"g1\",\"personId\":\"${MOTHER}\",\"domain\":\"SAFETY\",\"description\":\"Samira en de kinderen zijn veilig thuis.\"}],\"actions\":[{\"id\":\"a1\",\"goalId\":\"g1\",\"description\":\"Traumabehandeling voor Noor\",\"who\":\"GGZ Gelderland\"}],\"agreements\":[{\"id\":\"s1\",\"description\":\"Kevin komt niet naar het huis.\",\"who\":\"Kevin\"}],\"conditions\":[{\"id\":\"c1\",\"description\":\"Kevin volgt een agressieregulatietraining.\",\"consequence\":\"Als dit niet lukt, vragen we de Raad om onderzoek.\"}],\"familyView\":\"We willen rust in huis.\",\"note\":\"Eerste plan\"}"
ETAG=$(curl -s -D - -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer ${TOKEN}" -d "${PLAN1}" \
  "${BASE}/cases/${CASE1}/plan" | sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p')
[ -n "${ETAG}" ] || { echo "plan v1 not stored" >&2; exit 1; }
call POST "/cases/${CASE1}/entries" "{\"kind\":\"FACT\",\"text\":\"Huisbezoek: Noor slaapt weer in haar eigen kamer.\",\"source\":\"huisbezoek\",\"aboutPersonIds\":[\"${CHILD}\"]}" >/dev/null
call POST "/cases/${CASE1}/entries" '{"kind":"OPINION","text":"Moeder lijkt rustiger dan vorige week.","source":"wijkteam"}' >/dev/null
call POST "/cases/${CASE1}/evaluations" "{\"date\":\"${TODAY}\",\"summary\":\"Afspraken worden nagekomen.\",\"familyOpinion\":\"Het gaat beter.\"}" >/dev/null
PLAN2=${PLAN1/Eerste plan/Na evaluatie}
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer ${TOKEN}" \
  -H "If-Match: ${ETAG}" -d "${PLAN2}" "${BASE}/cases/${CASE1}/plan")
[ "${status}" = 201 ] || { echo "plan v2: ${status}" >&2; exit 1; }
call POST "/cases/${CASE1}/triage" '{"problemDomains":["SAFETY","PARENTING"],"safetyConcern":"SERIOUS","repeatedViolence":true,"earlierHelpWithoutResult":false}' >/dev/null
call POST "/cases/${CASE1}/triage/assessments" '{"assessorRole":"VEILIG_THUIS","recommendation":"VEILIGHEIDSHUIS_TABLE","note":"Herhaald geweld: naar de tafel."}' >/dev/null

CASE2=$(call POST /cases "{\"kind\":\"REQUEST_FOR_HELP\",\"source\":\"FAMILY\",\"description\":\"Moeder vraagt hulp bij schulden en opvoeding.\",\"receivedOn\":\"${TODAY}\",\"municipality\":\"Ede\",\"members\":[{\"personId\":\"${LOTTE}\",\"roles\":[\"CHILD\"]}]}" | id_of)
call POST "/cases/${CASE2}/team" "{\"professionalId\":\"${USER_ID}\",\"name\":\"Regio Beheer\",\"organisation\":\"Ede\",\"role\":\"FIXED_PROFESSIONAL\",\"casusregie\":true}" >/dev/null
call POST "/cases/${CASE2}/entries" '{"kind":"FACT","text":"Schuldhulp is aangevraagd.","source":"gemeente Ede"}' >/dev/null
call PUT /bindings/TRIAGE/municipalities/Ede '{"pluginId":"triage-threeway","configuration":{},"reason":"Ede volgt de regionale drieslag (fixture)"}' >/dev/null
call POST /users '{"userId":"anna","name":"Anna de Vries","roles":["PROFESSIONAL"],"municipalities":["Arnhem"],"organisation":"Wijkteam Arnhem-Oost","password":"Fixture-0.1.0-Kastanjeboom"}' >/dev/null
VERIFY=$(call GET /audit/verify)
stop_karaf

# the dump, with the H2 of the release's own system/
H2=$(find "${HOME_DIR}/system/com/h2database/h2" -name 'h2-*.jar' | head -n 1)
DB="${HOME_DIR}/data/proeftuin/proeftuin"
rm -rf "${OUT}" && mkdir -p "${OUT}/etc" "${OUT}/data/audit"
java -cp "${H2}" org.h2.tools.Script -url "jdbc:h2:file:${DB};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  -user sa -script "${OUT}/database.sql"
(cd "${HOME_DIR}/etc" && cp proeftuin-* nl.proeftuin.*.cfg "${OUT}/etc/")
rm -f "${OUT}/etc/nl.proeftuin.core.store.internal.JdbcDatabase.cfg" # the distribution's own, not the node's
cp "${HOME_DIR}/data/audit/"* "${OUT}/data/audit/"
VERSION=$(basename "${HOME_DIR}" | sed 's/^nl.proeftuin.distribution-//')
cat > "${OUT}/expected.properties" <<EOF
# What the upgrade tests check (written by bench/upgrade-fixture.sh from ${VERSION}).
release = ${VERSION}
user = ${USER_ID}
password = ${PASSWORD}
case.arnhem = ${CASE1}
case.ede = ${CASE2}
person.mother = ${MOTHER}
person.mother.bsn = ${BSN_MOTHER}
person.child = ${CHILD}
person.child.bsn = ${BSN_CHILD}
household = ${HOUSEHOLD}
EOF
echo "audit verify before stop: ${VERIFY}"
echo "fixture written to ${OUT}:"
ls -la "${OUT}" "${OUT}/etc" "${OUT}/data/audit"
