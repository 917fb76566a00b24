#!/usr/bin/env bash
# bench/boot-soak.sh - N first starts of the distribution, one after another, each from a fresh unpack:
# how long until Karaf's features service logs "Done.", how often karaf.log shows Karaf's own
# "Error installing boot features" (RejectedExecutionException: the features service restarted itself
# while its asynchronous boot install was starting; decision 0059), and how many features-service
# instances each boot made (the executor names features-<n>-thread: n - 1 restarts before the install
# that ran). For weighing a change to the boot (featuresBootAsynchronous, start levels) on many boots
# rather than the few of startup.sh. Talks to 127.0.0.1 only (lib.sh's free ports); stops each node.
# Usage:  bench/boot-soak.sh [N]          env: PROEFTUIN_TGZ (another build), TIMEOUT (60 s per boot)
# Output: a line per boot and a summary, also in bench/results/boot-soak-<date>.txt; the karaf.log of
# every boot that showed the error is kept beside it.
set -u -o pipefail
export LC_ALL=C
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)
N=${1:-20}
TIMEOUT=${TIMEOUT:-60}
PROEFTUIN_TGZ=${PROEFTUIN_TGZ:-$(ls "${ROOT}"/distribution/target/nl.proeftuin.distribution-*.tar.gz 2>/dev/null | head -1)}
WORK=${BENCH_DIR}/work/boot-soak
. "${BENCH_DIR}/lib.sh"
mkdir -p "${BENCH_DIR}/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
REPORT=${BENCH_DIR}/results/boot-soak-${STAMP}.txt
trap stop_karaf EXIT INT TERM
errors=0
{
  echo "# boot-soak: ${N} first starts of ${PROEFTUIN_TGZ}; host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for i in $(seq 1 "${N}"); do
    unpack_distribution
    log=${HOME_DIR}/data/log/karaf.log
    setsid "${HOME_DIR}/bin/karaf" server > "${WORK}/karaf.out" 2>&1 < /dev/null &
    KARAF_PID=$!
    started=${EPOCHREALTIME}
    done_after=-
    for _ in $(seq 1 $((TIMEOUT * 10))); do
      if grep -q '| Done\.$' "${log}" 2>/dev/null; then
        done_after=$(awk -v a="${started}" -v b="${EPOCHREALTIME}" 'BEGIN { printf "%.2f", b - a }')
        break
      fi
      sleep 0.1
    done
    sleep 1 # an install refused after "Done." would still be logged
    e=$(grep -c 'Error installing boot features' "${log}")
    adding=$(grep -c 'Adding features' "${log}")
    instances=$(grep -o 'features-[0-9]*-thread' "${log}" | sort -u | sed 's/features-\([0-9]*\)-thread/\1/' | tr '\n' ' ')
    if [ "${e}" != 0 ]; then
      errors=$((errors + 1))
      cp "${log}" "${BENCH_DIR}/results/boot-soak-${STAMP}-boot${i}-karaf.log"
    fi
    printf 'boot %3d: Done. after %6s s, boot-features errors %s, "Adding features" lines %s, features executor %s\n' \
      "${i}" "${done_after}" "${e}" "${adding}" "${instances:-?}"
    stop_karaf
    wait "${KARAF_PID}" 2>/dev/null
  done
  echo "# ${errors} of ${N} first starts logged Karaf's \"Error installing boot features\""
} | tee "${REPORT}"
echo "results: ${REPORT}"
