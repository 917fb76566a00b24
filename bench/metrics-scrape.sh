#!/usr/bin/env bash
# bench/metrics-scrape.sh - a capture of the node's Prometheus metrics under load (decision 0023).
#
# What one run does
#   1. unpacks the distribution tar.gz afresh into bench/work/metrics-scrape (embedded H2) with free
#      loopback ports, the metrics listener on a free port of 127.0.0.1, and starts it;
#   2. records two persons and a case, triages one case with nothing bound (the core's fallback),
#      installs proeftuin-plugin-triage-threeway at the console, binds it for the region and triages
#      TRIAGES more cases (answered by the plugin);
#   3. runs wrk for DURATION seconds each with CONNECTIONS connections on GET /cases/{id}, POST /cases
#      and GET /health, plus a few 404s (an unknown case, an unknown path);
#   4. scrapes http://127.0.0.1:<metrics port>/metrics and writes the whole scrape to
#      bench/results/metrics-scrape-<time>.txt and the interesting families (trimmed: the Proeftuin
#      families, the pool, JVM memory and threads) to docs/ops/prometheus/sample-scrape.txt.
# Talks to 127.0.0.1 only; stops Karaf on exit.
#
# Usage:  bench/metrics-scrape.sh      env: DURATION (10), CONNECTIONS (20), TRIAGES (20), PROEFTUIN_TGZ
# Needs:  wrk, curl, python3, java 17.
set -euo pipefail
export LC_ALL=C
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-20}
TRIAGES=${TRIAGES:-20}
PROEFTUIN_TGZ=${PROEFTUIN_TGZ:-$(ls "${ROOT}"/distribution/target/nl.proeftuin.distribution-*.tar.gz 2>/dev/null | head -1)}
WORK=${BENCH_DIR}/work/metrics-scrape
RESULTS=${BENCH_DIR}/results
SAMPLE=${ROOT}/docs/ops/prometheus/sample-scrape.txt
mkdir -p "${RESULTS}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"
trap stop_karaf EXIT INT TERM
unpack_distribution
METRICS=$(free_port)
sed -i "s/^port *=.*/port = ${METRICS}/" "${HOME_DIR}/etc/nl.proeftuin.core.metrics.internal.PrometheusEndpoint.cfg"
start_karaf
login

json() { curl -sf -X "${3:-POST}" -H 'Content-Type: application/json' "${AUTH[@]}" -d "$2" "${BASE}$1"; }
id_of() { sed -n 's/^{"id":"\([^"]*\)".*/\1/p'; }
TODAY=$(TZ=Europe/Amsterdam date +%F) # the Dutch day, as the platform counts days
open_case() {
  local parent child
  parent=$(json /persons '{"givenName":"Sanne","familyName":"de Boer","dateOfBirth":"1990-03-04"}' | id_of)
  child=$(json /persons '{"givenName":"Milan","familyName":"de Boer","dateOfBirth":"2016-07-08"}' | id_of)
  json /cases "$(printf '{"kind":"SIGNAL","source":"SCHOOL","description":"School maakt zich zorgen over Milan.","receivedOn":"%s","municipality":"Arnhem","members":[{"personId":"%s","roles":["PARENT"]},{"personId":"%s","roles":["CHILD"]}]}' "${TODAY}" "${parent}" "${child}")" | id_of
}
TRIAGE_BODY='{"problemDomains":["SAFETY","PARENTING","HOUSING"],"safetyConcern":"SERIOUS","repeatedViolence":true,"earlierHelpWithoutResult":false,"parentalProblems":["ADDICTION"]}'
CASE=$(open_case)
json "/cases/${CASE}/team" '{"professionalId":"bench","name":"Bench","organisation":"Wijkteam","role":"FIXED_PROFESSIONAL","casusregie":true}' >/dev/null
json "/cases/$(open_case)/triage" "${TRIAGE_BODY}" >/dev/null        # nothing bound: the fallback

echo "feature:install proeftuin-plugin-triage-threeway" | "${HOME_DIR}/bin/client" -h 127.0.0.1 -a "${SHELL_PORT}" \
  -u benchshell -p "${SHELL_PASSWORD}" -b >/dev/null
for _ in $(seq 1 100); do
  curl -sf "${AUTH[@]}" "${BASE}/plugins" | grep -q '"triage-threeway"' && break
  sleep 0.2
done
json /bindings/TRIAGE/region '{"pluginId":"triage-threeway","configuration":{},"reason":"metrics capture"}' PUT >/dev/null
for _ in $(seq 1 "${TRIAGES}"); do
  json "/cases/$(open_case)/triage" "${TRIAGE_BODY}" >/dev/null
done

cat > "${WORK}/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer ${TOKEN}"
LUA
# the signals name 100 children in turn, each with a reason for a separate case: one child named by every
# signal made every opening after the first a 409 open-case-exists, and then piled its open cases up to the
# 1,000 a separate case may stand beside (decision 0055)
{
  echo "children = {"
  for i in $(seq 1 100); do
    echo "\"$(json /persons "{\"givenName\":\"Noor${i}\",\"familyName\":\"Visser\",\"dateOfBirth\":\"2015-01-02\"}" | id_of)\","
  done
  echo "}"
} > "${WORK}/children.lua"
cat > "${WORK}/open.lua" <<LUA
dofile("${WORK}/children.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer ${TOKEN}"
request = function()
  local body = string.format('{"kind":"SIGNAL","source":"SCHOOL","description":"Zorgen.","receivedOn":"${TODAY}","municipality":"Arnhem","members":[{"personId":"%s","roles":["CHILD"]}]}', children[math.random(#children)])
  return wrk.format(nil, nil, nil, body)
end
LUA
wrk -t2 -c"${CONNECTIONS}" -d"${DURATION}s" -s "${WORK}/auth.lua" "${BASE}/cases/${CASE}" | sed 's/^/  read  /'
wrk -t2 -c"${CONNECTIONS}" -d"${DURATION}s" -s "${WORK}/open.lua" "${BASE}/cases?separateCaseReason=bench" | sed 's/^/  open  /'
wrk -t2 -c"${CONNECTIONS}" -d"${DURATION}s" "${BASE}/health" | sed 's/^/  health/'
for _ in 1 2 3; do
  curl -s -o /dev/null "${AUTH[@]}" "${BASE}/cases/00000000-0000-4000-8000-000000000000"
  curl -s -o /dev/null "${AUTH[@]}" "${BASE}/no-such-route"
done

FULL="${RESULTS}/metrics-scrape-$(date -u +%Y%m%dT%H%M%SZ).txt"
curl -sf "http://127.0.0.1:${METRICS}/metrics" > "${FULL}"
{
  echo "# A scrape of GET http://127.0.0.1:<metrics port>/metrics under load, produced by bench/metrics-scrape.sh"
  echo "# ($(date -u +%FT%TZ); DURATION=${DURATION}s x3 wrk runs with ${CONNECTIONS} connections: GET /cases/{caseId},"
  echo "# POST /cases, GET /health; ${TRIAGES} triages by triage-threeway, one fallback while unbound)."
  echo "# Trimmed to the Proeftuin families, the pool, JVM memory and threads; the full scrape has ~$(wc -l < "${FULL}") lines."
  awk '
    /^# (HELP|TYPE) / { keep = ($3 ~ /^(proeftuin_|hikaricp_connections|jvm_memory_used_bytes|jvm_memory_max_bytes|jvm_threads_live|jvm_threads_states|jvm_gc_pause)/) }
    keep { print }
  ' "${FULL}"
} > "${SAMPLE}"
echo "full scrape: ${FULL} ($(wc -l < "${FULL}") lines); sample: ${SAMPLE} ($(wc -l < "${SAMPLE}") lines)"
