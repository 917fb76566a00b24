#!/usr/bin/env bash
# bench/cohort-compare.sh - the cohort comparison (issue 15, part 6) over CASES synthetic cases.
#
# Runs core/engine's CohortBenchTest: CASES cases (default 200000) are written in bulk through
# core/store (SyntheticCases: JDBC batch inserts of cases, members, first triage with its variant,
# plan versions, assignments, handovers, Raad requests, outcomes, family-experience scores, care
# requests) into the H2 file the distribution ships (DB=postgres: an embedded PostgreSQL 17), half
# in a pilot group on one triage variant and half in a control group on another, with a lead time
# 21 days shorter in the pilot; then GET /monitor/compare's work (JdbcCohortService.compare: SQL
# aggregations and the statistics over their histograms) is timed three times for two cohorts of two
# years each, and once for two quarters by variant and binding revision. Prints the generation
# time, the comparison times and the lead-time shift with its interval (it must contain 21).
# Usage:  bench/cohort-compare.sh      env: CASES (200000), DB (h2 | postgres), M2 (Maven local repo),
#         KEEP (a directory: the generated database stays there and a later run with the same KEEP, DB
#         and CASES measures it again without generating it anew)
# Needs:  java 17, mvn; the project installed (mvn install -DskipTests); writes only under target/.
set -euo pipefail
export LC_ALL=C
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)
CASES=${CASES:-200000}
DB=${DB:-h2}
RESULTS=${BENCH_DIR}/results
mkdir -p "${RESULTS}"
OUT=${RESULTS}/cohort-compare-$(date -u +%Y%m%dT%H%M%SZ).txt
REPO_OPT=()
if [ -n "${M2:-}" ]; then REPO_OPT=("-Dmaven.repo.local=${M2}"); fi
{
  echo "host: $(uname -n) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  echo "cases: ${CASES} database: ${DB}"
  uptime
} | tee "${OUT}"
cd "${ROOT}"
mvn -o -B -q "${REPO_OPT[@]}" -pl core/engine test -Dtest=CohortBenchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dproeftuin.cohorts.cases="${CASES}" -Dproeftuin.cohorts.db="${DB}" \
    -Dproeftuin.cohorts.keep="${KEEP:-}" 2>&1 | grep -E '^\[cohorts\]|FAIL|Tests run' | tee -a "${OUT}"
echo "results: ${OUT}"
