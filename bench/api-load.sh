#!/usr/bin/env bash
# bench/api-load.sh - throughput and latency of the case API under 50 concurrent clients, against
# the running distribution, beside GET /api/v1/health measured in the same run.
#
# What one run does
#   1. unpacks the distribution tar.gz afresh into bench/work/api-load (empty data/: embedded H2),
#      gives it free loopback ports, starts bin/karaf server and polls health until 200;
#   2. records a few persons and one case (the read target) through the API;
#   3. starts a bare Jetty 9.4 servlet (bench/BareJetty.java, on the Jetty jars of the distribution's
#      system/) answering a small JSON body: the physical reference for an HTTP request here;
#   4. for PASSES passes (default 2; the second in reverse order, so drift hits every target alike)
#      runs wrk with CONNECTIONS (50) connections, 2 threads, DURATION (15 s) per target:
#        jetty   GET  / on the bare Jetty            (the baseline every ratio is against)
#        health  GET  /api/v1/health               (a cached readiness verdict, no domain work)
#        read    GET  /api/v1/cases/{id}           (case with members and team, from the database)
#        open    POST /api/v1/cases                (open a case from a signal: validation, one
#                                                   transaction, history event, durable commit)
#   5. prints requests/s, p50 and p99 latency, non-2xx answers and socket errors per target and pass,
#      and the throughput ratio of each target against the bare Jetty and against health in the same
#      pass.
# Server and load generator share the machine's cores: ratios are the figure to compare, absolute
# numbers depend on the machine. Talks to 127.0.0.1 only; stops Karaf on exit (also on Ctrl-C).
#
# Usage:  bench/api-load.sh            env: PASSES, DURATION, CONNECTIONS, PROEFTUIN_TGZ
# Needs:  wrk (Debian package 'wrk'), curl, python3 (free ports), java 17; bash >= 4.
set -euo pipefail
export LC_ALL=C
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)
PASSES=${PASSES:-2}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-50}
PROEFTUIN_TGZ=${PROEFTUIN_TGZ:-$(ls "${ROOT}"/distribution/target/nl.proeftuin.distribution-*.tar.gz 2>/dev/null | head -1)}
WORK=${BENCH_DIR}/work/api-load
RESULTS=${BENCH_DIR}/results
mkdir -p "${RESULTS}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"
JETTY_PID=
stop_all() { stop_karaf; [ -z "${JETTY_PID}" ] || kill "${JETTY_PID}" 2>/dev/null || true; }
trap stop_all EXIT INT TERM
unpack_distribution
start_karaf

# the bare Jetty baseline, on the distribution's own Jetty jars
JETTY_CP=$(find "${HOME_DIR}/system/org/eclipse/jetty" "${HOME_DIR}/system/jakarta/servlet" -name '*.jar' \
  | grep -E '/(jetty-(server|servlet|http|io|util|security)|jakarta\.servlet-api)/' | sort | paste -sd: -)
JETTY_PORT=$(free_port)
java -cp "${JETTY_CP}" "${BENCH_DIR}/BareJetty.java" "${JETTY_PORT}" > "${WORK}/bare-jetty.out" 2>&1 &
JETTY_PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:${JETTY_PORT}/" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:${JETTY_PORT}/" >/dev/null || { echo "the bare Jetty did not start:" >&2; cat "${WORK}/bare-jetty.out" >&2; exit 1; }
login

json() { curl -sf -X POST -H 'Content-Type: application/json' "${AUTH[@]}" -d "$2" "${BASE}$1"; }
id_of() { sed -n 's/^{"id":"\([^"]*\)".*/\1/p'; }
P1=$(json /persons '{"givenName":"Sanne","familyName":"de Boer","dateOfBirth":"1990-03-04"}' | id_of)
P2=$(json /persons '{"givenName":"Milan","familyName":"de Boer","dateOfBirth":"2016-07-08"}' | id_of)
TODAY=$(date -u +%F)
SIGNAL=$(printf '{"kind":"SIGNAL","source":"SCHOOL","description":"School maakt zich zorgen over Milan.","receivedOn":"%s","municipality":"Arnhem","members":[{"personId":"%s","roles":["PARENT"]},{"personId":"%s","roles":["CHILD"]}]}' "${TODAY}" "${P1}" "${P2}")
CASE=$(json /cases "${SIGNAL}" | id_of)
[ -n "${CASE}" ] || { echo "could not open the read-target case" >&2; exit 1; }
# the bench user becomes the case's fixed professional: need to know lets it keep reading the case
json "/cases/${CASE}/team" '{"professionalId":"bench","name":"Bench","organisation":"Wijkteam","role":"FIXED_PROFESSIONAL","casusregie":true}' >/dev/null

cat > "${WORK}/open.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer ${TOKEN}"
wrk.body = [[${SIGNAL}]]
LUA

cat > "${WORK}/read.lua" <<LUA
wrk.headers["Authorization"] = "Bearer ${TOKEN}"
LUA

# every open names the same two persons: a stated reason keeps it from 409 open-case-exists (issue 14)
declare -A URL=([jetty]="http://127.0.0.1:${JETTY_PORT}/" [health]="${BASE}/health" [read]="${BASE}/cases/${CASE}" [open]="${BASE}/cases?separateCaseReason=bench")
to_ms() { awk -v v="$1" 'BEGIN{ n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'; }
run() { # target -> "rps p50 p99 non2xx errors"
  local target=$1 out script=()
  if [ "$target" = open ]; then script=(-s "${WORK}/open.lua"); else script=(-s "${WORK}/read.lua"); fi
  out=$(wrk -t2 -c"${CONNECTIONS}" -d"${DURATION}s" --latency "${script[@]}" "${URL[$target]}")
  local rps p50 p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {gsub(",","");s=0; for(i=1;i<=NF;i++) if ($i ~ /^[0-9]+$/) s+=$i; print s}' <<<"$out"); errors=${errors:-0}
  echo "$rps $p50 $p99 $non2xx $errors"
}

REPORT="${RESULTS}/api-load-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# api-load: ${CONNECTIONS} connections, 2 wrk threads, ${DURATION}s per target, ${PASSES} passes"
  echo "# host: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n1)"
  printf '%-5s %-7s %10s %9s %9s %8s %7s %9s %10s\n' pass target req/s p50_ms p99_ms non2xx errors vs_jetty vs_health
} | tee "${REPORT}"
for pass in $(seq 1 "${PASSES}"); do
  order=(jetty health read open); [ $((pass % 2)) -eq 0 ] && order=(open read health jetty)
  declare -A R=()
  for t in "${order[@]}"; do R[$t]=$(run "$t"); done
  jetty=$(awk '{print $1}' <<<"${R[jetty]}")
  base=$(awk '{print $1}' <<<"${R[health]}")
  for t in jetty health read open; do
    read -r rps p50 p99 non2xx errors <<<"${R[$t]}"
    printf '%-5s %-7s %10s %9s %9s %8s %7s %9s %10s\n' "$pass" "$t" "$rps" "$p50" "$p99" "$non2xx" "$errors" \
      "$(awk -v a="$rps" -v b="$jetty" 'BEGIN{printf "%.3f", a/b}')" \
      "$(awk -v a="$rps" -v b="$base" 'BEGIN{printf "%.2f", a/b}')" | tee -a "${REPORT}"
  done
done
echo "# cases opened during the run: $(curl -s "${AUTH[@]}" "${BASE}/cases?size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')" | tee -a "${REPORT}"
echo "results: ${REPORT}"
