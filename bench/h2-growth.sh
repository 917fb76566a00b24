#!/usr/bin/env bash
# bench/h2-growth.sh - size of the embedded H2 file under sustained load, against its live data.
#
# Runs core/store's H2FileGrowthTest with REQUESTS requests (default 200000): four threads drive the
# database work of one authenticated API request through JdbcDatabase, with the URL the distribution
# ships (etc/nl.proeftuin.core.store.internal.JdbcDatabase.cfg): the session lookup and its idle-clock
# UPDATE (on every request: the worst case), the need-to-know queries and the hash-chained access-log
# append. Prints requests per second, the file size at the end and the largest seen during the run,
# the size after a clean close, the live data (the file compacted offline, uncompressed) and the ratios
# (after the run at most 3x, while running at most 4x), and
# the time to close and to reopen the database (must be seconds). Before the fix (docs/decisions/
# 0010-h2-file-housekeeping.md) the ratio was about 80 after 12,000 requests.
# Usage:  bench/h2-growth.sh      env: REQUESTS (200000), M2 (a Maven local repository, optional)
# Needs:  java 17, mvn; the project installed (mvn install -DskipTests); writes only under target/.
set -euo pipefail
export LC_ALL=C
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)
REQUESTS=${REQUESTS:-200000}
RESULTS=${BENCH_DIR}/results
mkdir -p "${RESULTS}"
OUT=${RESULTS}/h2-growth-$(date -u +%Y%m%dT%H%M%SZ).txt
REPO_OPT=()
if [ -n "${M2:-}" ]; then REPO_OPT=("-Dmaven.repo.local=${M2}"); fi
{
  echo "host: $(uname -n) $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "requests: ${REQUESTS}"
} | tee "${OUT}"
cd "${ROOT}"
mvn -o -B -q "${REPO_OPT[@]}" -pl core/store test -Dtest=H2FileGrowthTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dproeftuin.growth.requests="${REQUESTS}" 2>&1 | grep -E '^\[h2-growth\]|FAIL|Tests run' | tee -a "${OUT}"
echo "results: ${OUT}"
