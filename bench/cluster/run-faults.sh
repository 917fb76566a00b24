#!/usr/bin/env bash
# bench/cluster/run-faults.sh - a region of three nodes on one PostgreSQL behind HAProxy, all on
# loopback, under 50 writing clients, through four faults (issue 16). Each fault prints its figures;
# a summary table follows at the end.
#
# What one run sets up
#   - PostgreSQL 15 (Debian's binaries, /usr/lib/postgresql/15/bin, or PG_BIN): a fresh cluster in
#     bench/work/faults/pg on a free loopback port (run as the 'postgres' user when we are root);
#   - three nodes: the distribution tar.gz unpacked three times, each with its own HTTP, SSH and RMI
#     ports and data/, all pointing at the one database, all with the SAME etc/ secrets (the BSN key
#     NationalIdProtection.cfg, the access-log key, the users file), each its own access-log node name;
#     the triage plugin feature proeftuin-plugin-triage-threeway booted on each; node1 first (it
#     migrates the schema), then node2 and node3 together;
#   - HAProxy (Debian package, installed with apt-get when missing) from docs/ops/haproxy.cfg itself:
#     only its "bench:" lines are rewritten (loopback addresses, log to stdout, a TCP admin socket)
#     and chroot/user/group/daemon dropped; health check GET /api/v1/health/ready;
#   - one user (bench, PROFESSIONAL + COORDINATOR, all municipalities), one person, the region's
#     TRIAGE binding on triage-threeway.
# The load: bench/cluster/FaultLoad.java (JDK only), CLIENTS (50) threads through HAProxy, each in a
# loop opening a case, reading it and (fault 3) triaging it, with a new child (POST /persons, op
# "person") every 20 openings; every acknowledged case id is read back
# at the end (and counted in PostgreSQL).
#
# The faults (each under load, one after the other, on the same region)
#   1 kill    kill -9 of node2's process group; figures: acknowledged writes lost, failed requests
#             (and, from HAProxy's log, which node they were on), seconds until every request
#             succeeds again. node2 is started again after the phase.
#   2 pg      PostgreSQL stopped (pg_ctl -m fast) for PG_DOWN (20) s; figures: seconds until each
#             node's readiness says 503, what clients got (500 / 503 problem+json / other, stack
#             traces), seconds after PostgreSQL is back until every node serves again (readiness 200
#             and a case read straight from the node, no restart), acknowledged writes lost.
#   3 plugin  the triage plugin bundle updated PLUGIN_UPDATES (20) times on node1 (bundle:update over
#             the Karaf shell); figures: failed requests (fallbacks count as failures), core bundle
#             refreshes (karaf.log) and core bundles/components/services changed (bundle:list states,
#             component.id and service.id of every core bundle before/after, as PluginRuntimeIT does).
#   4 rolling every node in turn: drained in HAProxy (runtime API), stopped (SIGTERM), started, ready,
#             put back; figures: failed requests, acknowledged writes lost. ROLLING_DRAIN=0 skips the
#             drain (plain stop; only HAProxy's health check and retries protect the clients).
#
# Usage:  bench/cluster/run-faults.sh [--quick] [--only kill,pg,plugin,rolling] [--keep]
#         --quick: shorter phases (PG down 10 s, 5 plugin updates, less load time): a smoke run
#         --keep:  leave bench/work/faults in place afterwards (logs of every node)
#         env: CLIENTS (50), PG_DOWN (20), PLUGIN_UPDATES (20), ROLLING_DRAIN (1), READY_LIMIT (300 s a
#              start may take), PROEFTUIN_TGZ, PG_BIN
# Needs:  bash, java 17, curl, python3 (free ports), PostgreSQL 15 binaries, haproxy (installed when
#         missing); run as root (then PostgreSQL runs as 'postgres') or as a normal user.
# Output: on stdout and in bench/results/faults-<time>.txt; per-phase request logs in
#         bench/work/faults/phase-*/ (requests.csv, figures.properties, marks.txt, haproxy log).
# Talks to 127.0.0.1 only. Every process it starts is stopped on exit (also on Ctrl-C), and it
# checks that none of its ports is still listening. Runs on demand, not in CI (a full run took 32 min
# on a busy 2-core machine: the rolling restart is three node starts plus the read-back of every id).
set -euo pipefail
export LC_ALL=C
CLUSTER_DIR=$(cd "$(dirname "$0")" && pwd)
BENCH_DIR=$(cd "${CLUSTER_DIR}/.." && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)

QUICK=0
KEEP=0
ONLY="kill,pg,plugin,rolling"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --keep) KEEP=1 ;;
    --only) ONLY=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
CLIENTS=${CLIENTS:-50}
PG_DOWN=${PG_DOWN:-20}
PLUGIN_UPDATES=${PLUGIN_UPDATES:-20}
ROLLING_DRAIN=${ROLLING_DRAIN:-1}
BEFORE=15     # seconds of load before a fault
AFTER=20      # seconds of load after the fault is over
if [ "${QUICK}" = 1 ]; then
  PG_DOWN=${PG_DOWN_QUICK:-10}; PLUGIN_UPDATES=${PLUGIN_UPDATES_QUICK:-5}; BEFORE=8; AFTER=10
fi
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PROEFTUIN_TGZ=${PROEFTUIN_TGZ:-$(ls "${ROOT}"/distribution/target/nl.proeftuin.distribution-*.tar.gz 2>/dev/null | head -1)}
WORK=${BENCH_DIR}/work/faults
RESULTS=${BENCH_DIR}/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
REPORT=${RESULTS}/faults-${STAMP}.txt
NODES=(node1 node2 node3)
declare -A HTTP SSH PGID METRICS
PORTS=()

say() { echo "$*" | tee -a "${REPORT}"; }
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
# free_port (below the ephemeral range: HAProxy's health checks of a stopped node cannot connect to
# themselves and keep its port) from the benches' lib.sh; this script defines its own login below
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"

# --- prerequisites --------------------------------------------------------------------------------
[ -f "${PROEFTUIN_TGZ:-}" ] || { echo "no distribution tar.gz: run mvn -o -B -q install -DskipTests first" >&2; exit 2; }
[ -x "${PG_BIN}/pg_ctl" ] || { echo "no PostgreSQL binaries at ${PG_BIN} (apt-get install postgresql-15, or set PG_BIN)" >&2; exit 2; }
if ! command -v haproxy >/dev/null; then
  echo "haproxy is missing: installing Debian's package"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q haproxy >/dev/null; else sudo apt-get install -y -q haproxy >/dev/null; fi
fi
for tool in java curl python3; do command -v "${tool}" >/dev/null || { echo "${tool} is missing" >&2; exit 2; }; done

# --- cleanup: every process this script starts, also on Ctrl-C ----------------------------------
HAPROXY_PID=
LOAD_PID=
POLLERS=()
stop_group() { # pgid: TERM, up to 60 s, then KILL
  local g=$1
  [ -n "${g}" ] || return 0
  kill -0 -- "-${g}" 2>/dev/null || return 0
  kill -TERM -- "-${g}" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 -- "-${g}" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-${g}" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for p in "${POLLERS[@]}" ${LOAD_PID}; do kill "${p}" 2>/dev/null || true; done
  local stoppers=()
  for n in "${NODES[@]}"; do stop_group "${PGID[$n]:-}" & stoppers+=($!); done
  for p in "${stoppers[@]}"; do wait "${p}" 2>/dev/null || true; done
  [ -z "${HAPROXY_PID}" ] || { kill "${HAPROXY_PID}" 2>/dev/null || true; wait "${HAPROXY_PID}" 2>/dev/null || true; }
  if [ -f "${WORK}/pg/data/postmaster.pid" ]; then
    as_postgres "${PG_BIN}/pg_ctl" -D "${WORK}/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  local left=()
  for p in "${PORTS[@]}"; do
    if ss -ltnH "sport = :${p}" 2>/dev/null | grep -q .; then left+=("${p}"); fi
  done
  if [ ${#left[@]} -gt 0 ]; then echo "WARNING: still listening after cleanup: ports ${left[*]}" >&2; rc=1; fi
  [ "${KEEP}" = 1 ] || [ ${rc} -ne 0 ] || rm -rf "${WORK}"/node? "${WORK}/pg/data"
  exit ${rc}
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "${RESULTS}"
rm -rf "${WORK}" && mkdir -p "${WORK}"
: > "${REPORT}"
say "# run-faults: 3 nodes, PostgreSQL 15, HAProxy $(haproxy -v | head -1 | awk '{print $3}'), ${CLIENTS} clients$([ "${QUICK}" = 1 ] && echo ', --quick'); $(date -u +%FT%TZ)"
say "# host: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n1); git $(git -C "${ROOT}" rev-parse --short HEAD 2>/dev/null || echo '?')"

# --- PostgreSQL ------------------------------------------------------------------------------------
PG_PORT=$(free_port); PORTS+=("${PG_PORT}")
PG_PASSWORD="pg-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
mkdir -p "${WORK}/pg"
[ "$(id -u)" = 0 ] && chown postgres: "${WORK}/pg"
as_postgres "${PG_BIN}/initdb" -D "${WORK}/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"${WORK}/pg/initdb.log" 2>&1 || { cat "${WORK}/pg/initdb.log" >&2; exit 1; }
cat >> "${WORK}/pg/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = ${PG_PORT}
unix_socket_directories = '${WORK}/pg'
max_connections = 100
fsync = on
synchronous_commit = on
EOF
# its own start and stop of the one cluster (a fault stops and starts it), not lib.sh's pg_start/pg_stop (a fresh cluster)
pg_up() { as_postgres "${PG_BIN}/pg_ctl" -D "${WORK}/pg/data" -l "${WORK}/pg/postgres.log" -w -t 60 start >/dev/null; }
pg_down() { as_postgres "${PG_BIN}/pg_ctl" -D "${WORK}/pg/data" -m fast -w -t 60 stop >/dev/null; }
psql_q() { as_postgres "${PG_BIN}/psql" -h "${WORK}/pg" -p "${PG_PORT}" -U postgres -d "${1}" -At -v ON_ERROR_STOP=1 -c "$2"; }
pg_up
psql_q postgres "CREATE ROLE proeftuin LOGIN PASSWORD '${PG_PASSWORD}'" >/dev/null
psql_q postgres "CREATE DATABASE proeftuin OWNER proeftuin" >/dev/null
say "PostgreSQL 15 on 127.0.0.1:${PG_PORT} (fsync on, synchronous_commit on)"

# --- the nodes -------------------------------------------------------------------------------------
BENCH_USER=bench
BENCH_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
SHELL_USER=benchshell
SHELL_PASSWORD="shell-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
# etc/ as the region shares it: built once into node1, copied to node2 and node3 before their first start
tar xzf "${PROEFTUIN_TGZ}" -C "${WORK}"
mv "${WORK}"/nl.proeftuin.distribution-* "${WORK}/node1"
ETC=${WORK}/node1/etc
HOME_DIR=${WORK}/node1 pg_distribution   # lib.sh: the JdbcDatabase.cfg of a node on this PostgreSQL
(umask 077
 printf '.key = %s\n' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" > "${ETC}/nl.proeftuin.core.engine.internal.NationalIdProtection.cfg"
 head -c 32 /dev/urandom | base64 | tr -d '\n' > "${ETC}/proeftuin-access-log.key"; echo >> "${ETC}/proeftuin-access-log.key")
java "${BENCH_DIR}/HashPassword.java" "${BENCH_USER}" "${BENCH_PASSWORD}" 10000 PROFESSIONAL,COORDINATOR >> "${ETC}/proeftuin-users.properties"
printf 'code = GM0202\nname = Arnhem\n' > "${ETC}/nl.proeftuin.core.engine.internal.DefaultMunicipality-bench_arnhem.cfg"
printf '\n%s = %s,_g_:admingroup,REGIONAL_ADMINISTRATOR\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n' \
  "${SHELL_USER}" "${SHELL_PASSWORD}" >> "${ETC}/users.properties"
sed -i 's/^\(featuresBoot *= *\\\)$/\1\n    proeftuin-plugin-triage-threeway, \\/' "${ETC}/org.apache.karaf.features.cfg"
grep -q proeftuin-plugin-triage-threeway "${ETC}/org.apache.karaf.features.cfg" || { echo "could not add the triage plugin to featuresBoot" >&2; exit 1; }
cp -a "${WORK}/node1" "${WORK}/node2"
cp -a "${WORK}/node1" "${WORK}/node3"
for n in "${NODES[@]}"; do
  e=${WORK}/${n}/etc
  HTTP[$n]=$(free_port); SSH[$n]=$(free_port); rmir=$(free_port); rmis=$(free_port); METRICS[$n]=$(free_port)
  PORTS+=("${HTTP[$n]}" "${SSH[$n]}" "${rmir}" "${rmis}" "${METRICS[$n]}")
  # each node its own metrics listener (decision 0023): http://127.0.0.1:${METRICS[$n]}/metrics
  printf 'host = 127.0.0.1\nport = %s\n' "${METRICS[$n]}" > "${e}/nl.proeftuin.core.metrics.internal.PrometheusEndpoint.cfg"
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = ${HTTP[$n]}/" "${e}/org.ops4j.pax.web.cfg"
  printf 'org.ops4j.pax.web.listening.addresses = 127.0.0.1\n' >> "${e}/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = ${SSH[$n]}/" "${e}/org.apache.karaf.shell.cfg"
  # an older build under comparison may still run JMX over RMI (decision 0057: this one has none)
  [ ! -f "${e}/org.apache.karaf.management.cfg" ] || sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = ${rmir}/; s/^rmiServerPort *=.*/rmiServerPort = ${rmis}/" "${e}/org.apache.karaf.management.cfg"
  printf 'node = %s\n' "${n}" > "${e}/nl.proeftuin.core.audit.internal.HashChainedAccessLog.cfg"
  # HAProxy runs on this machine: believe its X-Forwarded-For (login throttling per client address)
  printf 'trustedProxies = 127.0.0.1\n' > "${e}/nl.proeftuin.core.rest.internal.ForwardedClientFilter.cfg"
done
for n in node2 node3; do
  cmp -s "${WORK}/node1/etc/nl.proeftuin.core.engine.internal.NationalIdProtection.cfg" "${WORK}/${n}/etc/nl.proeftuin.core.engine.internal.NationalIdProtection.cfg" \
    && cmp -s "${WORK}/node1/etc/proeftuin-access-log.key" "${WORK}/${n}/etc/proeftuin-access-log.key" \
    || { echo "${n} does not share node1's keys" >&2; exit 1; }
done

node_url() { echo "http://127.0.0.1:${HTTP[$1]}/api/v1"; }
code_of() { curl -s -o /dev/null -m 3 -w '%{http_code}' "$@" || true; }
start_node() { # node: start bin/karaf server in its own process group
  local n=$1
  rm -f "${WORK}/${n}/pgid"
  # setsid: a process group of its own (kill -9 hits the whole node); the shell notes its own pid,
  # which is the group's id, and becomes Karaf's launcher script
  setsid sh -c 'echo $$ > "$1/pgid"; cd "$1" && exec bin/karaf server' sh "${WORK}/${n}" \
    >> "${WORK}/${n}/karaf.out" 2>&1 < /dev/null &
  disown $!   # no "Killed" job notice from bash when a fault kills it
  for _ in $(seq 1 100); do [ -s "${WORK}/${n}/pgid" ] && break; sleep 0.05; done
  PGID[$n]=$(cat "${WORK}/${n}/pgid")
}
wait_ready() { # node [seconds]: readiness 200 straight from the node
  local n=$1 limit=${2:-180} t0
  t0=$(now_ms)
  while [ $(( $(now_ms) - t0 )) -lt $((limit * 1000)) ]; do
    [ "$(code_of "$(node_url "$n")/health/ready")" = 200 ] && return 0
    sleep 0.2
  done
  echo "${n} not ready after ${limit} s; see ${WORK}/${n}/data/log/karaf.log" >&2
  return 1
}
stop_node() { stop_group "${PGID[$1]}"; }
# start_ready node: start, wait for readiness. A node whose database component fails at start (the
# database slow or away) tries again by itself every 5 s (DatabaseStartRetry): that is waited for and
# reported, never helped. A node not ready in READY_LIMIT s (default 300: a loaded 2-core machine
# starts a node in 30-150 s) is reported, restarted once and counted in EXTRA_RESTARTS; a second
# failure ends the run.
EXTRA_RESTARTS=0
READY_LIMIT=${READY_LIMIT:-300}
start_ready() {
  local n=$1 log=${WORK}/$1/data/log/karaf.log from t0 why failed
  for attempt in 1 2; do
    from=$( [ -f "${log}" ] && wc -l < "${log}" || echo 0 )
    t0=$(now_ms)
    start_node "$n"
    while [ $(( $(now_ms) - t0 )) -lt $((READY_LIMIT * 1000)) ]; do
      if [ "$(code_of "$(node_url "$n")/health/ready")" = 200 ]; then
        failed=$(tail -n +$((from + 1)) "${log}" 2>/dev/null | grep -c 'JdbcDatabase.*Error during instantiation' || true)
        [ "${failed:-0}" -gt 0 ] && say "  ${n}: its database component failed ${failed} time(s) at start ($(tail -n +$((from + 1)) "${log}" | grep -m1 '^Caused by' | cut -c1-120)); it tried again by itself and became ready $(( ($(now_ms) - t0) / 1000 )) s after its start"
        return 0
      fi
      sleep 0.5
    done
    why=$(tail -n +$((from + 1)) "${log}" 2>/dev/null | grep -m1 '^Caused by' || true)
    say "  ${n} (start ${attempt}) did not become ready after $(( ($(now_ms) - t0) / 1000 )) s: ${why:-see ${log}}"
    [ "${attempt}" = 2 ] && { echo "${n} did not start twice; giving up" >&2; exit 1; }
    EXTRA_RESTARTS=$((EXTRA_RESTARTS + 1))
    stop_node "$n"
    say "  ${n}: restarted (extra restart ${EXTRA_RESTARTS} of this run)"
  done
}
karaf_shell() { # node command...: one Karaf shell command over SSH
  local n=$1; shift
  "${WORK}/${n}/bin/client" -h 127.0.0.1 -a "${SSH[$n]}" -u "${SHELL_USER}" -p "${SHELL_PASSWORD}" -b <<<"$*" 2>&1
}

t=$(now_ms); start_ready node1
say "node1 ready in $(( ($(now_ms) - t) / 1000 )) s (schema migrated on PostgreSQL)"
# one at a time: on a small machine three booting JVMs starve each other (and PostgreSQL)
for n in node2 node3; do
  t=$(now_ms); start_ready "$n"
  say "${n} ready in $(( ($(now_ms) - t) / 1000 )) s"
done
LIVE_PATH=/health/live
[ "$(code_of "$(node_url node1)/health/live")" = 200 ] || LIVE_PATH=/health/ready
say "liveness probe used by this script: /api/v1${LIVE_PATH}$([ "${LIVE_PATH}" = /health/ready ] && echo ' (no /api/v1/health/live on this build)')"

# --- HAProxy from the sample configuration -----------------------------------------------------------
LB_PORT=$(free_port); HAP_ADMIN=$(free_port); PORTS+=("${LB_PORT}" "${HAP_ADMIN}")
mkdir -p "${WORK}/haproxy"
HAP_CFG=${WORK}/haproxy/haproxy.cfg
ERRORS=${ROOT}/docs/ops/haproxy-errors
sed -E \
  -e '/^\s*(chroot|user|group|daemon)\b/d' \
  -e "s|^(\s*)log /dev/log .*# bench:.*|\1log stdout format raw local0|" \
  -e "s|^(\s*)stats socket .*# bench:.*|\1stats socket ipv4@127.0.0.1:${HAP_ADMIN} level admin|" \
  -e "s|^(\s*)errorfile ([0-9]+) .*# bench:.*|\1errorfile \2 ${ERRORS}/proeftuin-\2.http|" \
  -e "s|^(\s*)bind .*# bench:.*|\1bind 127.0.0.1:${LB_PORT}|" \
  -e '/^\s*server node[0-9]+ /d' \
  "${ROOT}/docs/ops/haproxy.cfg" > "${HAP_CFG}"
for n in "${NODES[@]}"; do printf '    server %s 127.0.0.1:%s\n' "${n}" "${HTTP[$n]}" >> "${HAP_CFG}"; done
grep -q "bind 127.0.0.1:${LB_PORT}" "${HAP_CFG}" && grep -q "stats socket ipv4@127.0.0.1" "${HAP_CFG}" \
  || { echo "could not rewrite docs/ops/haproxy.cfg's bench: lines" >&2; exit 1; }
haproxy -c -q -f "${HAP_CFG}" || { echo "haproxy rejects ${HAP_CFG}" >&2; exit 1; }
haproxy -db -f "${HAP_CFG}" > "${WORK}/haproxy/haproxy.log" 2>&1 &
HAPROXY_PID=$!
for _ in $(seq 1 50); do ss -ltnH "sport = :${HAP_ADMIN}" | grep -q . && break; sleep 0.1; done
LB=http://127.0.0.1:${LB_PORT}/api/v1
hap() { # one runtime API command
  local out
  { exec 7<>"/dev/tcp/127.0.0.1/${HAP_ADMIN}"; } 2>/dev/null || return 0
  printf '%s\n' "$1" >&7
  out=$(cat <&7)
  exec 7>&-
  printf '%s\n' "${out}"
}
hap_status() { hap "show stat" | awk -F, -v s="$1" '$1=="proeftuin_nodes" && $2==s {print $18; exit}'; }
hap_scur() { hap "show stat" | awk -F, -v s="$1" '$1=="proeftuin_nodes" && $2==s {print $5; exit}'; }
wait_hap_up() { # node seconds
  for _ in $(seq 1 $(($2 * 5))); do [ "$(hap_status "$1")" = UP ] && return 0; sleep 0.2; done
  echo "HAProxy does not see $1 UP: $(hap_status "$1")" >&2; return 1
}
for n in "${NODES[@]}"; do wait_hap_up "${n}" 30; done
say "HAProxy on 127.0.0.1:${LB_PORT} (docs/ops/haproxy.cfg, health check GET /api/v1/health/ready): node1 node2 node3 UP"

# --- user, person, binding ---------------------------------------------------------------------------
login() {
  curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"${BENCH_USER}\",\"password\":\"${BENCH_PASSWORD}\"}" \
    "${LB}/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
TOKEN=$(login); [ -n "${TOKEN}" ] || { echo "login failed" >&2; exit 1; }
for _ in $(seq 1 30); do
  out=$(karaf_shell node1 "proeftuin:user-roles -a ${BENCH_USER}") || true
  case "${out}" in *municipalities=all*) break ;; esac
  sleep 1
done
case "${out}" in *municipalities=all*) ;; *) echo "could not grant ${BENCH_USER} all municipalities: ${out}" >&2; exit 1 ;; esac
TOKEN=$(login); [ -n "${TOKEN}" ] || { echo "login failed" >&2; exit 1; }
AUTH=(-H "Authorization: Bearer ${TOKEN}")
PERSON=$(curl -s -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
  -d '{"givenName":"Bo","familyName":"Storing","dateOfBirth":"2015-01-01"}' "${LB}/persons" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
[ -n "${PERSON}" ] || { echo "could not record the person" >&2; exit 1; }
for _ in $(seq 1 100); do
  case "$(curl -s "${AUTH[@]}" "${LB}/plugins")" in *'"triage-threeway"'*) break ;; esac; sleep 0.2
done
bound=$(code_of -X PUT -H 'Content-Type: application/json' "${AUTH[@]}" \
  -d '{"pluginId":"triage-threeway","configuration":{},"reason":"fault harness"}' "${LB}/bindings/TRIAGE/region")
[ "${bound}" = 200 ] || { echo "could not bind TRIAGE to triage-threeway: ${bound}" >&2; exit 1; }
# a case every node must be able to read straight away (the "serves again" probe of fault 2)
PROBE_CASE=$(curl -s -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
  -d "{\"kind\":\"SIGNAL\",\"source\":\"POLICE\",\"description\":\"probe\",\"receivedOn\":\"$(TZ=Europe/Amsterdam date +%F)\",\"municipality\":\"Arnhem\",\"members\":[{\"personId\":\"${PERSON}\",\"roles\":[\"CHILD\"]}]}" \
  "${LB}/cases" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
[ -n "${PROBE_CASE}" ] || { echo "could not open the probe case" >&2; exit 1; }
for n in "${NODES[@]}"; do
  [ "$(code_of "${AUTH[@]}" "$(node_url "$n")/cases/${PROBE_CASE}")" = 200 ] || { echo "${n} cannot read the probe case with the shared session" >&2; exit 1; }
done
say "one user, one person, TRIAGE bound to triage-threeway; the session made through HAProxy reads a case on every node"
# compile the load client once (a single-file source run costs seconds per start)
mkdir -p "${WORK}/classes"
javac -d "${WORK}/classes" "${CLUSTER_DIR}/FaultLoad.java"

# --- a phase: the load in the background, marks written by the fault ----------------------------
PHASE_DIR=
HAP_LOG_FROM=0
start_load() { # name triage(true/false)
  PHASE_DIR=${WORK}/phase-$1
  mkdir -p "${PHASE_DIR}"
  : > "${PHASE_DIR}/marks.txt"
  HAP_LOG_FROM=$(wc -l < "${WORK}/haproxy/haproxy.log")
  PHASE_CASES_BEFORE=$(psql_q proeftuin "SELECT count(*) FROM family_case")
  java -cp "${WORK}/classes" -Dtoken="${TOKEN}" -Dclients="${CLIENTS}" -Dseconds=3600 \
    -Dtriage="$2" -Dreadback=90 FaultLoad "${LB}" "${PHASE_DIR}" > "${PHASE_DIR}/load.out" 2>&1 &
  LOAD_PID=$!
}
mark() { echo "$(now_ms) $1" >> "${PHASE_DIR}/marks.txt"; }
finish_load() { # stop the load (the client reads every acknowledged id back) and print its figures
  touch "${PHASE_DIR}/stop"
  wait "${LOAD_PID}" || { echo "the load client failed:" >&2; cat "${PHASE_DIR}/load.out" >&2; exit 1; }
  LOAD_PID=
  tee -a "${REPORT}" < "${PHASE_DIR}/load.out"
  tail -n +$((HAP_LOG_FROM + 1)) "${WORK}/haproxy/haproxy.log" > "${PHASE_DIR}/haproxy.log"
  # every acknowledged id must be a row in PostgreSQL too
  local in_db
  in_db=$({ echo "CREATE TEMP TABLE acked (id VARCHAR(36)); COPY acked FROM STDIN;"; sort -u "${PHASE_DIR}/acked.txt"; echo '\.'
             echo "SELECT count(*) FROM family_case f JOIN acked a ON a.id = f.id;"; } \
           | as_postgres "${PG_BIN}/psql" -h "${WORK}/pg" -p "${PG_PORT}" -U postgres -d proeftuin -At -q -v ON_ERROR_STOP=1)
  local opened
  opened=$(( $(psql_q proeftuin "SELECT count(*) FROM family_case") - PHASE_CASES_BEFORE ))
  say "  acknowledged ids found in PostgreSQL (family_case): ${in_db} of $(sort -u "${PHASE_DIR}/acked.txt" | wc -l);" \
    "cases committed in the phase: ${opened}, of which not acknowledged to the client: $(( opened - in_db ))"
}
fig() { sed -n "s/^$1=//p" "${PHASE_DIR}/figures.properties"; }
hap_errors_by_server() { # from HAProxy's log of the phase: answers >= 500 per server, and retries
  awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^proeftuin\/|^proeftuin_nodes\//) { split($i, a, "/"); st = $(i + 2);
         if (st + 0 >= 500 || st == "-1") bad[a[2]]++; if ($(i + 7) ~ /\+?[0-9]+$/) { split($(i + 7), c, "/"); r = c[5]; sub(/\+/, "", r); retries += r } } }
       END { s = ""; for (k in bad) s = s k ":" bad[k] " "; printf "%s(retries %d)", (s == "" ? "none " : s), retries }' "${PHASE_DIR}/haproxy.log"
}
declare -A SUMMARY
summary() { SUMMARY[$1]=$2; }
settle() { # wait for every node to be ready and UP in HAProxy, and the machine a little quieter
  for n in "${NODES[@]}"; do wait_ready "${n}" 240; wait_hap_up "${n}" 30; done
  sleep 3
}
has() { case ",${ONLY}," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# --- 1. kill -9 of a node under load ---------------------------------------------------------------
if has kill; then
  say ""; say "## 1. kill -9 of node2 while ${CLIENTS} clients write through HAProxy"
  settle
  start_load kill false
  sleep "${BEFORE}"
  mark "kill-9-node2"
  kill -KILL -- "-${PGID[node2]}"
  t=$(now_ms)
  for _ in $(seq 1 100); do [ "$(hap_status node2)" = DOWN ] && break; sleep 0.1; done
  say "  HAProxy marked node2 DOWN after $(awk -v a="$(now_ms)" -v b="$t" 'BEGIN{printf "%.1f", (a-b)/1000}') s"
  sleep "${AFTER}"
  finish_load
  say "  HAProxy log, answers >= 500 per node: $(hap_errors_by_server)"
  # in flight at the kill (sent before it) or sent afterwards (what the load balancer should have spared)
  kill_at=$(awk 'NR == 1 {print $1}' "${PHASE_DIR}/marks.txt")
  say "  failed requests sent before the kill (in flight): $(awk -F, -v k="${kill_at}" 'NR > 1 && $4 != "ok" && $1 < k' "${PHASE_DIR}/requests.csv" | wc -l);" \
    "sent after it: $(awk -F, -v k="${kill_at}" 'NR > 1 && $4 != "ok" && $1 >= k' "${PHASE_DIR}/requests.csv" | wc -l)"
  summary kill "lost $(fig lost) of $(fig acked); failed $(fig failed) (500: $(fig kind.500), 502: $(( $(fig kind.502) + $(fig kind.502-problem) )), conn: $(fig kind.conn-error)); all succeed again after $(fig recovery_s) s"
  start_ready node2
fi

# --- 2. PostgreSQL stopped under load -----------------------------------------------------------------
if has pg; then
  say ""; say "## 2. PostgreSQL stopped for ${PG_DOWN} s under load"
  settle
  start_load pg false
  # per node, each about 4 times a second, straight to the node (not through HAProxy): readiness, and
  # a case read; a line per probe: the time it was sent, the status (000: no answer within 2 s)
  probe() { # file url curl-args...
    local f=$1 u=$2; shift 2
    while :; do printf '%s %s\n' "$(now_ms)" "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$@" "$u" || true)"; sleep 0.25; done > "$f" 2>/dev/null
  }
  for n in "${NODES[@]}"; do
    probe "${PHASE_DIR}/ready-${n}.txt" "$(node_url "$n")/health/ready" & POLLERS+=($!)
    probe "${PHASE_DIR}/read-${n}.txt" "$(node_url "$n")/cases/${PROBE_CASE}" "${AUTH[@]}" & POLLERS+=($!)
  done
  sleep "${BEFORE}"
  mark "postgresql-stopped"; t_stop=$(now_ms)
  pg_down
  say "  PostgreSQL stopped (pg_ctl -m fast took $(awk -v a="$(now_ms)" -v b="$t_stop" 'BEGIN{printf "%.1f", (a-b)/1000}') s)"
  sleep "${PG_DOWN}"
  pg_up; t_back=$(now_ms); mark "postgresql-back"
  say "  PostgreSQL started again"
  sleep $((AFTER + 10))
  for p in "${POLLERS[@]}"; do kill "${p}" 2>/dev/null || true; done; POLLERS=()
  finish_load
  worst_503=0; worst_back=0
  for n in "${NODES[@]}"; do
    r=${PHASE_DIR}/ready-${n}.txt; c=${PHASE_DIR}/read-${n}.txt
    # readiness: the first probe sent after the stop that answered 503 (and what came before it)
    first503=$(awk -v s="${t_stop}" '$1 >= s && $2 == 503 { printf "%.1f", ($1 - s) / 1000; exit }' "$r")
    ready_codes=$(awk -v s="${t_stop}" -v b="${t_back}" '$1 >= s && $1 < b { c[$2]++ } END { for (k in c) printf "%s:%d ", k, c[k] }' "$r")
    read_codes=$(awk -v s="${t_stop}" -v b="${t_back}" '$1 >= s && $1 < b { c[$2]++ } END { for (k in c) printf "%s:%d ", k, c[k] }' "$c")
    # serving again: the first probe after which readiness and the read both answer 200 for good
    back=$(cat "$r" "$c" | sort -n | awk -v b="${t_back}" '$1 >= b { if ($2 == 200) { if (since == "") since = $1 } else since = "" }
                                 END { if (since == "") print "never"; else printf "%.1f", (since - b) / 1000 }')
    say "  ${n}: readiness 503 first ${first503:-never} s after the stop (readiness answers while down: ${ready_codes}; case reads: ${read_codes}; 000 = none within 2 s); serves again ${back} s after PostgreSQL is back"
    if [ -z "${first503}" ] || [ "${worst_503}" = never ]; then worst_503=never
    else worst_503=$(awk -v a="${worst_503}" -v b="${first503}" 'BEGIN{print (b > a ? b : a)}'); fi
    if [ "${back}" = never ] || [ "${worst_back}" = never ]; then worst_back=never
    else worst_back=$(awk -v a="${worst_back}" -v b="${back}" 'BEGIN{print (b > a ? b : a)}'); fi
  done
  say "  HAProxy: $(grep -c 'proeftuin_nodes/node[0-9] is DOWN' "${PHASE_DIR}/haproxy.log" || true) nodes taken out, $(grep -c 'has no server available' "${PHASE_DIR}/haproxy.log" || true) times no node left; check failures: $(grep -o 'is DOWN, reason: [^,]*' "${PHASE_DIR}/haproxy.log" | sort | uniq -c | sed 's/  */ /g' | paste -sd';' -)"
  for n in "${NODES[@]}"; do
    [ "$(hap_status "$n")" = UP ] || say "  ${n} is not UP in HAProxy after the phase: $(hap_status "$n")"
  done
  pids_same=yes
  for n in "${NODES[@]}"; do kill -0 -- "-${PGID[$n]}" 2>/dev/null || pids_same=no; done
  say "  no node restarted (all original processes alive): ${pids_same}"
  summary pg "readiness 503 within $([ "${worst_503}" = never ] && echo 'never (no 503 on some node)' || echo "${worst_503} s") (worst node); clients: 500: $(fig kind.500), 503 problem+json node: $(fig kind.503-problem), HAProxy: $(fig kind.503-lb), other 503: $(fig kind.503), stack traces: $(fig kind.stacktrace), conn errors: $(fig kind.conn-error); all nodes serve ${worst_back} s after PG is back; lost $(fig lost) of $(fig acked)"
fi

# --- 3. the triage plugin bundle updated under load --------------------------------------------------
if has plugin; then
  say ""; say "## 3. the triage plugin bundle updated ${PLUGIN_UPDATES} times on node1 under load"
  settle
  LOG1=${WORK}/node1/data/log/karaf.log
  refreshes() { grep -cE 'Refreshing bundles|Bundles to refresh' "${LOG1}" || true; }
  # what a refresh or re-activation would change: a core bundle's id or state, the ids of the core's
  # component configurations (component.id) and services (service.id); as PluginRuntimeIT compares
  core_bundles() { karaf_shell node1 "bundle:list -s" | awk -F'|' '$5 ~ /nl\.proeftuin\.core\./ {gsub(/ /, "", $1); gsub(/ /, "", $2); print $1 "/" $2 "/" $5}' | sort; }
  core_state() {
    local b ids
    b=$(core_bundles); ids=$(echo "${b}" | cut -d/ -f1 | paste -sd' ' -)
    echo "${b}"
    karaf_shell node1 "bundle:services -p ${ids}" | grep -E '^\s*(component|service)\.id = ' | sed 's/^ *//' | sort
  }
  before_components=$(core_state)
  before_refresh=$(refreshes)
  [ "$(echo "${before_components}" | grep -c 'component.id' || true)" -gt 10 ] \
    || { echo "bundle:services shows no core component on node1: ${before_components}" >&2; exit 1; }
  start_load plugin true
  sleep "${BEFORE}"
  mark "first-bundle-update"
  updated=0
  for i in $(seq 1 "${PLUGIN_UPDATES}"); do
    out=$(karaf_shell node1 "bundle:update nl.proeftuin.plugins.triage.threeway")
    [ -z "$(echo "${out}" | grep -iE 'error|exception|not found' || true)" ] && updated=$((updated + 1)) || say "  update ${i}: ${out}"
    sleep 1
  done
  mark "last-bundle-update"
  sleep "${AFTER}"
  finish_load
  after_components=$(core_state)
  reactivated=$(comm -23 <(echo "${before_components}") <(echo "${after_components}") | grep -c . || true)
  refreshed=$(( $(refreshes) - before_refresh ))
  say "  bundle:update runs that succeeded: ${updated} of ${PLUGIN_UPDATES}"
  say "  core bundle refreshes (karaf.log): ${refreshed}; core bundles, components or services changed (bundle:list, component.id, service.id): ${reactivated}"
  summary plugin "failed $(fig failed) (fallbacks $(fig kind.fallback)); core bundle refreshes ${refreshed}; core bundles/components/services changed ${reactivated}; updates ${updated}/${PLUGIN_UPDATES}"
fi

# --- 4. rolling restart under load ---------------------------------------------------------------------
if has rolling; then
  say ""; say "## 4. rolling restart of node1, node2, node3 under load ($([ "${ROLLING_DRAIN}" = 1 ] && echo 'drained in HAProxy first' || echo 'no drain: stop, HAProxy health check and retries only'))"
  settle
  extra_before=${EXTRA_RESTARTS}
  start_load rolling false
  sleep "${BEFORE}"
  mark "rolling-restart-begins"
  for n in "${NODES[@]}"; do
    t=$(now_ms)
    if [ "${ROLLING_DRAIN}" = 1 ]; then
      hap "set server proeftuin_nodes/${n} state drain" >/dev/null
      for _ in $(seq 1 100); do [ "$(hap_scur "$n")" = 0 ] && break; sleep 0.1; done
    fi
    stop_node "$n"
    start_ready "$n"
    [ "${ROLLING_DRAIN}" = 1 ] && hap "set server proeftuin_nodes/${n} state ready" >/dev/null
    wait_hap_up "$n" 30
    say "  ${n}: drained/stopped/started/ready/UP in $(( ($(now_ms) - t) / 1000 )) s"
  done
  mark "rolling-restart-done"
  sleep "${AFTER}"
  finish_load
  say "  HAProxy log, answers >= 500 per node: $(hap_errors_by_server)"
  summary rolling "extra restarts $((EXTRA_RESTARTS - extra_before)); failed $(fig failed) (500: $(fig kind.500), 502: $(( $(fig kind.502) + $(fig kind.502-problem) )), 503: $(( $(fig kind.503) + $(fig kind.503-problem) )), conn: $(fig kind.conn-error)); lost $(fig lost) of $(fig acked)"
fi

# --- summary ---------------------------------------------------------------------------------------------
say ""
say "## summary ($([ "${QUICK}" = 1 ] && echo 'quick run' || echo 'full run'); goals from issue 16)"
printf '%-8s | %-60s | %s\n' fault goal measured | tee -a "${REPORT}"
printf '%-8s-+-%-60s-+-%s\n' -------- "$(printf -- '-%.0s' $(seq 1 60))" "$(printf -- '-%.0s' $(seq 1 60))" | tee -a "${REPORT}"
row() { [ -n "${SUMMARY[$1]:-}" ] && printf '%-8s | %-60s | %s\n' "$1" "$2" "${SUMMARY[$1]}" | tee -a "${REPORT}"; return 0; }
row kill "lost 0; failed only in flight on node2; all succeed < 5 s"
row pg "ready 503 < 5 s; only 503 problem+json; serve < 30 s; lost 0"
row plugin "failed 0; core bundle refreshes 0"
row rolling "failed 0 (HAProxy retries); lost 0"
say "nodes that needed an extra restart to become ready (setup and phases): ${EXTRA_RESTARTS}"
say "results: ${REPORT}"
