#!/usr/bin/env bash
# bench/access-log-append.sh - sustained access-log appends per second (perf, issue 13, decision 0035):
# the real HashChainedAccessLog (hash chain, MAC, group commit, the case's members read before it, the
# person rows' indexer) on H2 as the distribution ships it and on an embedded PostgreSQL, THREADS (50)
# appenders for DURATION (10 s) after a 2 s warm-up. Prints entries/s, the append latency p50/p99 (what logging adds to a
# request) and whether the whole chain verifies afterwards: the whole check timed (entries verified per
# second, and what that makes of a 10-million-entry log), then 1,000 entries more and the incremental
# check from the whole one's mark (proeftuin:audit-verify --since-last), timed. Target (issue 13): >= 10,000 entries/s on
# both, p99 <= 2 ms.
#
# How: compiles core/audit's tests (offline, MAVEN_REPO = your local repository) and runs the test
# class nl.proeftuin.core.audit.internal.AccessLogAppendBench with the module's test class path.
# Usage:  bench/access-log-append.sh        env: THREADS, DURATION (not SECONDS: bash counts that one up itself), ENGINES (h2,postgres), MAVEN_REPO,
#         STORE_JAR (another core/store jar in place of the installed one: its access-log store and migrations),
#         H2FS (retry, the shipped file system; file for H2's plain file channel, async for its asynchronous one),
#         USERS and CASES (both set: entries spread over that many professionals and cases of three members,
#         UUID ids, instead of 50 users and 100 cases; e.g. USERS=1000 CASES=10000)
set -euo pipefail
export LC_ALL=C
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)
THREADS=${THREADS:-50}
SECONDS_=${DURATION:-10}
ENGINES=${ENGINES:-h2,postgres}
MVN=(mvn -o -B -q)
[ -n "${MAVEN_REPO:-}" ] && MVN+=("-Dmaven.repo.local=${MAVEN_REPO}")
RESULTS=${BENCH_DIR}/results
mkdir -p "${RESULTS}" "${BENCH_DIR}/work"
CP_FILE=${BENCH_DIR}/work/access-log-bench.classpath
(cd "${ROOT}" && "${MVN[@]}" -pl core/audit test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="${CP_FILE}" >/dev/null)
CP="${ROOT}/core/audit/target/test-classes:${ROOT}/core/audit/target/classes:$(cat "${CP_FILE}")"
if [ -n "${STORE_JAR:-}" ]; then
  # another core/store jar in place of the installed one (a before/after comparison in one run, decision 0044)
  CP=$(echo "${CP}" | tr ':' '\n' | sed "s|.*/nl.proeftuin.core.store-[^/]*\.jar$|${STORE_JAR}|" | paste -sd: -)
fi
SHAPE="50 users, 100 cases"
[ -n "${USERS:-}" ] && [ -n "${CASES:-}" ] && SHAPE="${USERS} users, ${CASES} cases of 3 members"
REPORT="${RESULTS}/access-log-append-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# access-log-append: ${THREADS} appenders, ${SECONDS_} s per engine, shape: ${SHAPE}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# host: $(nproc) cores, $(java -version 2>&1 | head -n1)${STORE_JAR:+, core/store from ${STORE_JAR}}; H2 file system: ${H2FS:-retry}"
  java -Dthreads="${THREADS}" -Dseconds="${SECONDS_}" -Dengines="${ENGINES}" -Dh2fs="${H2FS:-retry}" \
    -Dusers="${USERS:-0}" -Dcases="${CASES:-0}" -cp "${CP}" \
    nl.proeftuin.core.audit.internal.AccessLogAppendBench 2>/dev/null
} | tee "${REPORT}"
awk '$1 ~ /^(h2|postgres)$/ { ok = ($3 >= 10000 && $5 <= 2 && $7 == "intact"); printf "# %s: %s (target >= 10000 entries/s, p99 <= 2 ms, chain intact)\n", $1, ok ? "PASS" : "FAIL";
  printf "# %s: whole chain verified at %s entries/s (10,000,000 entries: %.0f s); incremental from the mark: %s entries in %s ms; the bench JVM CPU per entry: %s us\n", $1, $9, 10000000 / $9, $10, $11, $12 }' \
  "${REPORT}" | tee -a "${REPORT}"
echo "results: ${REPORT}"
