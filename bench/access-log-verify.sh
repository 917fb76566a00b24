#!/usr/bin/env bash
# bench/access-log-verify.sh - issue 13: verifying a long access log, whole and incrementally from a
# signed mark (perfs, decision 0044). Target: a 10-million-entry chain checked incrementally in under a
# minute.
#
# For each size in ENTRIES (access-log entries; default 1000000,2000000), from nothing:
#   - PostgreSQL 15 (Debian's binaries, or PG_BIN): a fresh cluster under bench/work/access-log-verify-N;
#   - core/store's FamilyGenerator (FamilyGeneratorRun: bulk COPY after the platform's migrations) writes
#     N / PER_FAMILY families with PER_FAMILY (80) access-log entries each: one hash chain with real
#     hashes and MACs under a fresh key (the same code as bench/families.sh, no third copy of the chain);
#   - core/audit's AccessLogVerifyBench runs the real HashChainedAccessLog on it with that key: the whole
#     chain verified (timed; it leaves the node's signed mark), then APPENDS (1000) new entries and the
#     incremental check from the mark (proeftuin:audit-verify --since-last), three rounds, timed.
# Prints per size the generation speed, the whole check (entries/s, and what that makes of 10 million)
# and the incremental checks: their cost follows the entries since the mark, not the log's length.
# Usage:  bench/access-log-verify.sh     env: ENTRIES, PER_FAMILY, APPENDS, PG_BIN, M2 (Maven local repo)
set -euo pipefail
export LC_ALL=C
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)
ENTRIES=${ENTRIES:-1000000,2000000}
PER_FAMILY=${PER_FAMILY:-80}
APPENDS=${APPENDS:-1000}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
REPO_OPT=()
if [ -n "${M2:-}" ]; then REPO_OPT=("-Dmaven.repo.local=${M2}"); fi
RESULTS=${BENCH_DIR}/results
mkdir -p "${RESULTS}" "${BENCH_DIR}/work"
REPORT=${RESULTS}/access-log-verify-$(date -u +%Y%m%dT%H%M%SZ).txt
[ -x "${PG_BIN}/pg_ctl" ] || { echo "no PostgreSQL binaries at ${PG_BIN} (apt-get install postgresql-15, or set PG_BIN)" >&2; exit 2; }
. "${BENCH_DIR}/lib.sh"   # free_port, pg_start, psql_q, pg_stop
trap pg_stop EXIT INT TERM
say() { echo "$*" | tee -a "${REPORT}"; }

CP_FILE=${BENCH_DIR}/work/access-log-verify.classpath
(cd "${ROOT}" && mvn -o -B -q "${REPO_OPT[@]}" -pl core/audit test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="${CP_FILE}" >/dev/null)
CP="${ROOT}/core/audit/target/test-classes:${ROOT}/core/audit/target/classes:$(cat "${CP_FILE}")"
say "# access-log-verify: ${ENTRIES} entries (${PER_FAMILY} per family), ${APPENDS} new entries per incremental round"
say "# host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), PostgreSQL $("${PG_BIN}/postgres" --version | awk '{print $3}')"

for size in ${ENTRIES//,/ }; do
  run=${BENCH_DIR}/work/access-log-verify-${size}
  rm -rf "${run}" && mkdir -p "${run}"
  pg_start "${run}/pg"
  (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' > "${run}/access-log.key"; echo >> "${run}/access-log.key")
  url="jdbc:postgresql://127.0.0.1:${PG_PORT}/proeftuin"
  say "${size} entries (load $(cut -d' ' -f1-3 /proc/loadavg)):"
  (cd "${ROOT}" && mvn -o -B -q "${REPO_OPT[@]}" -pl core/store test -Dtest=FamilyGeneratorRun \
      -Dsurefire.failIfNoSpecifiedTests=false -Dproeftuin.families=$(( (size + PER_FAMILY - 1) / PER_FAMILY )) \
      -Dproeftuin.families.entries="${PER_FAMILY}" -Dproeftuin.families.url="${url}" \
      -Dproeftuin.families.user=proeftuin -Dproeftuin.families.password="${PG_PASSWORD}" \
      -Dproeftuin.families.key="${run}/access-log.key" 2>&1) \
    | tee "${run}/generate.log" | grep -E '^\[families\] (generated|VACUUM)' | sed 's/^/  /' | tee -a "${REPORT}"
  grep -q '^\[families\] generated' "${run}/generate.log" || { echo "generation failed: ${run}/generate.log" >&2; exit 1; }
  say "  database: $(psql_q proeftuin "SELECT pg_size_pretty(pg_database_size('proeftuin'))"); load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Durl="${url}" -Duser=proeftuin -Dpassword="${PG_PASSWORD}" -Dkey="${run}/access-log.key" -Dappends="${APPENDS}" \
    -cp "${CP}" nl.proeftuin.core.audit.internal.AccessLogVerifyBench 2>/dev/null | sed 's/^/  /' | tee -a "${REPORT}"
  say "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  pg_stop
  rm -rf "${run}"
done
awk '$1 == "postgres" { printf "# %s entries: whole check %s s (%s entries/s; 10,000,000 entries: %.0f s); incremental from the mark: %s\n", $2, $3, $4, 10000000 / $4, $6 " " $7 " " $8 }' \
  "${REPORT}" | tee -a "${REPORT}"
echo "results: ${REPORT}"
