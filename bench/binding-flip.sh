#!/usr/bin/env bash
# bench/binding-flip.sh - live swap under load: 50 concurrent clients open cases and triage them
# while the region's triage binding flips 100 times between two installed plugins
# (triage-threeway and example-triage), against the real distribution.
#
# Prints (from bench/FlipBench.java, JDK only): failed requests (must be 0), the time from a binding
# change returning to the first triage served by the new plugin (p50, p99), requests started after a
# change but still served by the previous plugin (must be 0), throughput and triage latency without
# and with flipping; and from karaf.log: bundle refreshes during the run (must be 0).
# Usage:  bench/binding-flip.sh      env: CLIENTS (50), SECONDS_PER_PHASE (20), WARMUP (40 s before them), FLIPS (100), PROEFTUIN_TGZ
# Needs:  java 17, curl, python3 (free ports); talks to 127.0.0.1 only; stops Karaf on exit.
set -euo pipefail
export LC_ALL=C
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)
PROEFTUIN_TGZ=${PROEFTUIN_TGZ:-$(ls "${ROOT}"/distribution/target/nl.proeftuin.distribution-*.tar.gz 2>/dev/null | head -1)}
WORK=${BENCH_DIR}/work/binding-flip
RESULTS=${BENCH_DIR}/results
mkdir -p "${RESULTS}"
# shellcheck source=bench/lib.sh
. "${BENCH_DIR}/lib.sh"
trap stop_karaf EXIT INT TERM
unpack_distribution
# boot the two plugin features too (they are in the distribution's system/ repository)
sed -i 's/^\(featuresBoot *= *\\\)$/\1\n    proeftuin-plugin-triage-threeway, \\\n    proeftuin-plugin-example-triage, \\/' "${HOME_DIR}/etc/org.apache.karaf.features.cfg"
grep -q proeftuin-plugin-triage-threeway "${HOME_DIR}/etc/org.apache.karaf.features.cfg" \
  || { echo "could not add the plugin features to featuresBoot" >&2; exit 1; }
start_karaf
login
for _ in $(seq 1 300); do
  plugins=$(curl -s "${AUTH[@]}" "${BASE}/plugins")
  case "$plugins" in *'"triage-threeway"'*'"example-triage"'*|*'"example-triage"'*'"triage-threeway"'*) break ;; esac
  sleep 0.1
done
LOG="${HOME_DIR}/data/log/karaf.log"
refreshes() { grep -cE 'Refreshing bundles|Bundles to refresh' "${LOG}" || true; }
refreshes_before=$(refreshes)

REPORT="${RESULTS}/binding-flip-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# binding-flip: ${CLIENTS:-50} clients, ${SECONDS_PER_PHASE:-20}s per phase after ${WARMUP:-40}s of warm-up, ${FLIPS:-100} flips; host $(nproc) cores"
  java -Dtoken="${TOKEN}" -Dclients="${CLIENTS:-50}" -Dseconds="${SECONDS_PER_PHASE:-20}" -Dwarmup="${WARMUP:-40}" -Dflips="${FLIPS:-100}" \
    "${BENCH_DIR}/FlipBench.java" "${BASE}" triage-threeway example-triage
  echo $? > "${WORK}/flipbench.status"
  echo "bundle refreshes during the run (karaf.log): $(( $(refreshes) - refreshes_before ))"
} 2>&1 | tee "${REPORT}"
echo "results: ${REPORT}"
# failed or stale requests, or nothing measured, fail the run (exit 1), as do refreshes
[ "$(cat "${WORK}/flipbench.status" 2>/dev/null)" = 0 ] || exit 1
[ "$(grep -o 'refreshes during the run (karaf.log): [0-9]*' "${REPORT}" | grep -o '[0-9]*$')" = 0 ] || exit 1
