#!/usr/bin/env bash
# bench/startup.sh - cold-start time, memory and size of the Proeftuin distribution compared with
# plain Apache Karaf 4.4.10 (the stock org.apache.karaf:apache-karaf:4.4.10:tar.gz, no project
# features).
#
# What one run does
#   For each distribution, RUNS times (default 5), alternating Proeftuin / plain Karaf so that
#   background load drifts hit both alike:
#     1. unpack the tar.gz into an empty directory (not timed), so every start is a truly cold first
#        boot with an empty data/ (no bundle cache, no resolved features, new SSH host key),
#     2. give the instance its own free loopback ports (HTTP, SSH, RMI registry, RMI server) and
#        bind SSH/HTTP to 127.0.0.1,
#     3. wait until the machine is quiet (a 1 s window with < QUIET_PCT=15 % of all CPUs busy), at
#        most QUIET_WAIT=30 s: the 2 cores may be shared with builds, so a start that had to go ahead
#        on a busy machine is flagged, and the CPU time other processes used during each boot is
#        reported,
#     4. start `bin/karaf server` in the background (own process group) and poll every 0.1 s, each
#        wait bounded by READY_TIMEOUT, for the readiness markers below,
#     5. read VmRSS (and VmHWM, the peak, and the user+system CPU time it has used) of the Karaf JVM
#        from /proc RSS_AFTER s (default 20) after the start - the one intended wait. The CPU time is
#        the boot's cost in CPU work, much less sensitive than wall-clock times to other load,
#        and the CPU time it had used when it became ready (health 200; plain Karaf: boot features
#        done), read at that moment,
#     6. stop the whole process group (SIGTERM, then SIGKILL after STOP_TIMEOUT) and delete the
#        unpacked copy (its karaf.log is kept next to the results file).
#   Sizes: tar.gz bytes, and the unpacked tree's bytes (sum of file sizes) and files.
#
# Readiness: which markers, and why
#   Plain Karaf has no /api/v1/health, so "first 200 on the health endpoint" cannot be compared
#   directly. Options considered:
#     - add the `http` feature to plain Karaf's featuresBoot and wait for an HTTP answer: rejected.
#       The stock tar.gz does not carry pax-web in system/, so Karaf would download it from a remote
#       Maven repository during the timed boot (network, not loopback), the baseline would no longer
#       be "Karaf without project features", and an empty Jetty answers 404, which means nothing.
#     - the "Karaf started in Xs" line: only printed by the local console, not in server mode.
#   So every start records the same markers for both distributions, by polling:
#     ssh     the SSH port is LISTENing (read from /proc/net/tcp*, so no probe connection can
#             hang): the shell/ssh boot feature is up. Same definition on both.
#     boot    karaf.log holds the FeaturesServiceImpl "Done." line: the features service has
#             finished provisioning ALL boot features (resolved, installed, started the bundles).
#             Same definition on both; the fairest "Karaf has booted" figure.
#     health  (Proeftuin only) first HTTP 200 from GET /api/v1/health, i.e. the platform reports
#             itself ready (it answers 404/503 before that).
#   Ratios Proeftuin / plain are printed for `ssh` and `boot`, plus "health vs plain boot" as the
#   closest ready-versus-ready comparison. A marker's time is taken just after the probe that first
#   saw it, so it is late by at most one poll interval (0.1 s) plus the probe's own time. The same
#   probes (including a curl to the instance's HTTP port) run for both distributions, so the polling
#   overhead on the 2 cores is the same for both.
#
# Both distributions are started the same way: same bin/karaf and bin/setenv (the script checks and
# prints whether they are identical), no JAVA_OPTS/EXTRA_JAVA_OPTS/JAVA_*_MEM from the caller's
# environment, so the JVM picks its default heap sizing for this machine for both.
#
# Interference: this machine has 2 cores that other work (builds, tests) may share. For each start
# the script measures the CPU time all OTHER processes used between launch and ready (from
# /proc/stat minus the Karaf JVM's own CPU time; includes the script's own polling, about 5-10 %).
# A start where that stayed below QUIET_RUN_PCT (25) % of all CPUs is "quiet"; the timing table is
# printed twice, over all runs and over the quiet runs only. Sizes, RSS and JVM CPU time are hardly
# affected by other load; wall-clock times are.
#
# Usage:  bench/startup.sh [--runs N] [--rss-after SECONDS] [--timeout SECONDS] [--keep]
#   env:  RUNS, RSS_AFTER, READY_TIMEOUT, STOP_TIMEOUT, POLL, QUIET_WAIT, QUIET_PCT, QUIET_RUN_PCT,
#         WORK_DIR, PROEFTUIN_TGZ, KARAF_TGZ
# Needs: bash >= 4.3 (5 preferred: $EPOCHREALTIME), POSIX tools, curl, java, Linux /proc; mvn only when
# a tar.gz has to be built or fetched. Talks to 127.0.0.1 only (mvn may reach Maven Central once, to
# fetch the plain Karaf tar.gz if it is not in the local repository).
# Output: a table on stdout, also written to bench/results/startup-<date>.txt (git-ignored), the
# per-run karaf.log files in bench/results/startup-<date>-logs/.

set -u -o pipefail
export LC_ALL=C

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "${BENCH_DIR}/.." && pwd)

RUNS=${RUNS:-5}
RSS_AFTER=${RSS_AFTER:-20}
READY_TIMEOUT=${READY_TIMEOUT:-180}
STOP_TIMEOUT=${STOP_TIMEOUT:-30}
POLL=${POLL:-0.1}
QUIET_WAIT=${QUIET_WAIT:-30}
QUIET_PCT=${QUIET_PCT:-15}
QUIET_RUN_PCT=${QUIET_RUN_PCT:-25}
NCPU=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
KEEP=false
KARAF_VERSION=4.4.10
WORK_DIR=${WORK_DIR:-${BENCH_DIR}/work}
PROEFTUIN_TGZ=${PROEFTUIN_TGZ:-$(ls "${ROOT}"/distribution/target/nl.proeftuin.distribution-*.tar.gz 2>/dev/null | head -1)}
KARAF_TGZ=${KARAF_TGZ:-${WORK_DIR}/dist/apache-karaf-${KARAF_VERSION}.tar.gz}

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --rss-after) RSS_AFTER=$2; shift 2 ;;
    --timeout) READY_TIMEOUT=$2; shift 2 ;;
    --keep) KEEP=true; shift ;;
    -h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "${RUNS}${RSS_AFTER}${READY_TIMEOUT}${STOP_TIMEOUT}${QUIET_WAIT}${QUIET_PCT}" in
  *[!0-9]*) echo "RUNS, RSS_AFTER, READY_TIMEOUT and STOP_TIMEOUT must be whole numbers" >&2; exit 2 ;;
esac
[ "${RUNS}" -ge 1 ] || { echo "RUNS must be >= 1" >&2; exit 2; }
for tool in curl java awk sed sort tar gzip ps; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing required tool: $tool" >&2; exit 2; }
done
[ -r /proc/self/status ] || { echo "needs Linux /proc" >&2; exit 2; }

STAMP=$(date +%Y-%m-%d-%H%M%S)
RESULTS_DIR=${BENCH_DIR}/results
RESULTS=${RESULTS_DIR}/startup-${STAMP}.txt
LOGS_DIR=${RESULTS_DIR}/startup-${STAMP}-logs
mkdir -p "${RESULTS_DIR}" "${LOGS_DIR}" "${WORK_DIR}/dist" "${WORK_DIR}/run" || exit 1
: > "${RESULTS}"

say() { printf '%s\n' "$*" | tee -a "${RESULTS}"; }
note() { printf '%s\n' "$*" >&2; }
die() { note "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- time (integer microseconds)
if [ -n "${EPOCHREALTIME:-}" ]; then
  stamp() { local t=${EPOCHREALTIME}; NOW_US=${t/./}; }
else
  stamp() { NOW_US=$(( $(date +%s%N) / 1000 )); }
fi
# microseconds -> seconds with 2 decimals
secs() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000000 }'; }

# ---------------------------------------------------------------- processes
CUR_PID=""      # launcher (bin/karaf) pid = process group id of the running instance
CUR_DIR=""      # unpacked instance being measured

descendants() { # all descendant pids of $1
  ps -A -o pid= -o ppid= 2>/dev/null | awk -v root="$1" '
    { parent[$1] = $2; pids[NR] = $1 }
    END { want[root] = 1; changed = 1
          while (changed) { changed = 0
            for (i in pids) { p = pids[i]; if (!(p in want) && (parent[p] in want)) { want[p] = 1; changed = 1 } } }
          for (p in want) if (p != root) print p }'
}
alive() { # group $1 or any of the pids $2... still has a live (non-zombie) process
  local g=$1; shift
  ps -A -o pid= -o pgid= -o stat= 2>/dev/null | awk -v g="$g" -v list=" $* " '
    $3 !~ /^Z/ && ($2 == g || index(list, " " $1 " ")) { f = 1 } END { exit !f }'
}
jvm_pid() { # the java process below launcher $1
  local d
  for d in $(descendants "$1"); do
    case "$(cat "/proc/$d/comm" 2>/dev/null)" in java) echo "$d"; return 0 ;; esac
  done
  return 1
}
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_busy_ms() { # CPU time (ms) all CPUs spent busy since boot: user nice system irq softirq steal
  awk -v hz="${CLK_TCK}" '$1 == "cpu" { printf "%d", ($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz; exit }' /proc/stat
}
sample_jvm() { # launcher $1 -> sets the caller's rss, hwm (kB) and cpu (ms of user+system CPU) of the JVM
  local j
  j=$(jvm_pid "$1") || return 1
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$j/status" 2>/dev/null)
  hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$j/status" 2>/dev/null)
  # /proc/PID/stat: field 2 is "(java)" (no blanks), 14 utime, 15 stime in clock ticks
  cpu=$(awk -v hz="${CLK_TCK}" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$j/stat" 2>/dev/null)
  [ -n "$rss" ]
}
jvm_cpu_ms() { # launcher $1 -> user+system CPU (ms) the Karaf JVM has used so far
  local j
  j=$(jvm_pid "$1") || return 1
  awk -v hz="${CLK_TCK}" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$j/stat" 2>/dev/null
}
cpu_ticks() { # "busy total" ticks of all CPUs since boot (busy = all but idle and iowait)
  awk '$1 == "cpu" { t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t; exit }' /proc/stat
}
wait_quiet() { # wait, at most QUIET_WAIT s, for a 1 s window in which < QUIET_PCT % of all CPUs were busy
  local waited=0 a b
  PRE_BUSY=?
  while :; do
    a=$(cpu_ticks); sleep 1; b=$(cpu_ticks); waited=$((waited + 1))
    PRE_BUSY=$(printf '%s %s\n' "$a" "$b" | awk '{ d = $4 - $2; printf "%d", (d > 0 ? ($3 - $1) * 100 / d : 0) }')
    [ "${PRE_BUSY}" -lt "${QUIET_PCT}" ] && return 0
    [ "$waited" -ge "${QUIET_WAIT}" ] && return 1
  done
}
stop_karaf() { # stop the process group of launcher $1 and every descendant; bounded
  local pid=$1 kids i
  kids=$(descendants "$pid")
  kill -TERM -- "-${pid}" 2>/dev/null
  [ -n "$kids" ] && kill -TERM $kids 2>/dev/null
  i=0
  while alive "$pid" $kids && [ $i -lt $((STOP_TIMEOUT * 10)) ]; do
    sleep 0.1; i=$((i + 1))
  done
  if alive "$pid" $kids; then
    note "  instance did not stop within ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL -- "-${pid}" 2>/dev/null
    [ -n "$kids" ] && kill -KILL $kids 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
  return 0
}
cleanup() {
  if [ -n "${CUR_PID}" ]; then stop_karaf "${CUR_PID}"; CUR_PID=""; fi
  if [ -n "${CUR_DIR}" ] && ! ${KEEP}; then rm -rf "${CUR_DIR}"; CUR_DIR=""; fi
}
trap cleanup EXIT
trap 'note "interrupted, stopping Karaf"; exit 130' INT TERM HUP

# ---------------------------------------------------------------- ports (loopback, from /proc)
port_files() { local f; for f in /proc/net/tcp /proc/net/tcp6; do [ -r "$f" ] && echo "$f"; done; }
port_used() { # any TCP socket on local port $1, whatever its state
  awk -v h="$(printf '%04X' "$1")" 'FNR > 1 { n = split($2, a, ":"); if (a[n] == h) { f = 1; exit } } END { exit !f }' $(port_files)
}
port_listening() { # a LISTEN socket on local port $1
  awk -v h="$(printf '%04X' "$1")" 'FNR > 1 && $4 == "0A" { n = split($2, a, ":"); if (a[n] == h) { f = 1; exit } } END { exit !f }' $(port_files)
}
PORTS=()
# below the kernel's ephemeral range (32768 here): the health probe polls the HTTP port before Jetty
# listens, and a loopback connection to a free port of that range can get the same port as its source
# and connect to itself, leaving the port taken (see bench/lib.sh's free_port)
EPHEMERAL_LOW=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
[ "${EPHEMERAL_LOW}" -gt 21000 ] 2>/dev/null || EPHEMERAL_LOW=40000
pick_ports() { # sets PORTS to 4 distinct free ports in 20000 up to the ephemeral range
  local tries=0 p q dup
  PORTS=()
  while [ ${#PORTS[@]} -lt 4 ]; do
    tries=$((tries + 1)); [ $tries -le 500 ] || die "no free ports found"
    p=$((20000 + RANDOM % (EPHEMERAL_LOW - 20000))); dup=false
    for q in "${PORTS[@]}"; do [ "$q" = "$p" ] && dup=true; done
    $dup && continue
    port_used "$p" && continue
    PORTS+=("$p")
  done
}

# ---------------------------------------------------------------- configuration files
set_prop() { # file key value: replace the first uncommented "key = ..." / "key: ..." line, else append
  local f=$1 k=$2 v=$3
  awk -v k="$k" -v v="$v" '
    { s = $0; sub(/^[ \t]+/, "", s)
      if (!done && index(s, k) == 1 && substr(s, length(k) + 1) ~ /^[ \t]*[=:]/) { print k " = " v; done = 1; next }
      print }
    END { if (!done) print k " = " v }' "$f" > "$f.tmp" && mv "$f.tmp" "$f" || die "cannot edit $f"
  grep -q "^${k} = ${v}\$" "$f" || die "setting $k in $f failed"
}

# ---------------------------------------------------------------- inputs
if [ ! -f "${PROEFTUIN_TGZ}" ]; then
  note "Proeftuin distribution missing, building it: mvn -o -q install -DskipTests -pl distribution -am"
  (cd "${ROOT}" && mvn -o -q install -DskipTests -pl distribution -am) || die "build failed"
  [ -f "${PROEFTUIN_TGZ}" ] || die "build did not produce ${PROEFTUIN_TGZ}"
fi
if [ ! -f "${KARAF_TGZ}" ]; then
  note "fetching org.apache.karaf:apache-karaf:${KARAF_VERSION}:tar.gz into $(dirname "${KARAF_TGZ}")"
  command -v mvn >/dev/null 2>&1 || die "mvn is needed once to fetch the plain Karaf tar.gz (or set KARAF_TGZ)"
  for offline in -o ""; do
    (cd "${ROOT}" && mvn -q ${offline} -N dependency:copy \
       -Dartifact=org.apache.karaf:apache-karaf:${KARAF_VERSION}:tar.gz \
       -DoutputDirectory="$(dirname "${KARAF_TGZ}")" >/dev/null 2>&1) && break
  done
  [ -f "${KARAF_TGZ}" ] || die "could not fetch apache-karaf-${KARAF_VERSION}.tar.gz"
fi
# benchmark a snapshot of the Proeftuin tar.gz, so a rebuild during the run cannot change it
cp "${PROEFTUIN_TGZ}" "${WORK_DIR}/dist/proeftuin.tar.gz" || die "cannot copy ${PROEFTUIN_TGZ}"
TGZ_P=${WORK_DIR}/dist/proeftuin.tar.gz
TGZ_K=${KARAF_TGZ}

# ---------------------------------------------------------------- one measured start
# results per distribution d in {p,k}: arrays of microseconds / kB, empty string = not reached
declare -A SIZE_TGZ SIZE_UNP FILES_UNP LAUNCH_SUM
T_SSH_p=(); T_BOOT_p=(); T_HTTP_p=(); T_HEALTH_p=(); RSS_p=(); HWM_p=(); CPU_p=(); CPUREADY_p=(); ERR_p=(); OTHER_p=(); QUIET_RUN_p=(); FAIL_p=0
T_SSH_k=(); T_BOOT_k=(); T_HTTP_k=(); T_HEALTH_k=(); RSS_k=(); HWM_k=(); CPU_k=(); CPUREADY_k=(); ERR_k=(); OTHER_k=(); QUIET_RUN_k=(); FAIL_k=0
DONE_RE='FeaturesServiceImpl .*| Done\.$'

unpack() { # d tgz -> sets HOME_DIR
  local d=$1 tgz=$2 dir
  dir=${WORK_DIR}/run/$d
  rm -rf "$dir" && mkdir -p "$dir" || die "cannot create $dir"
  CUR_DIR=$dir
  (cd "$dir" && gzip -dc "$tgz" | tar xf -) || die "cannot unpack $tgz"
  HOME_DIR=$(find "$dir" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [ -x "${HOME_DIR}/bin/karaf" ] || die "no bin/karaf in $tgz"
  # a cold first boot: nothing but the shipped data/tmp/README may be in data/
  [ -z "$(find "${HOME_DIR}/data" -type f ! -path '*/data/tmp/README' 2>/dev/null)" ] || die "data/ of $tgz is not empty"
}

run_once() { # d tgz n
  local d=$1 tgz=$2 n=$3 label http ssh rmireg rmisrv pid jvm log code
  local t0 deadline rss_at t_ssh="" t_boot="" t_http="" t_health="" rss="" hwm="" cpu="" fail="" errs need_health busy0 other="" rss2 hwm2 cpu2 quiet t_ready quiet_run=0 cpu_ready=""
  [ "$d" = p ] && { label=Proeftuin; need_health=true; } || { label="plain Karaf"; need_health=false; }
  unpack "$d" "$tgz"
  if [ -z "${SIZE_UNP[$d]:-}" ]; then
    SIZE_TGZ[$d]=$(wc -c < "$tgz" | tr -d ' ')
    SIZE_UNP[$d]=$(find "${HOME_DIR}" -type f -exec cat {} + | wc -c | tr -d ' ')
    FILES_UNP[$d]=$(find "${HOME_DIR}" -type f | wc -l | tr -d ' ')
    LAUNCH_SUM[$d]=$(cat "${HOME_DIR}/bin/karaf" "${HOME_DIR}/bin/setenv" | cksum | tr -d ' ')
  fi
  pick_ports
  http=${PORTS[0]}; ssh=${PORTS[1]}; rmireg=${PORTS[2]}; rmisrv=${PORTS[3]}
  set_prop "${HOME_DIR}/etc/org.apache.karaf.shell.cfg" sshPort "$ssh"
  set_prop "${HOME_DIR}/etc/org.apache.karaf.shell.cfg" sshHost 127.0.0.1
  if [ -f "${HOME_DIR}/etc/org.apache.karaf.management.cfg" ]; then   # plain Karaf (and a Proeftuin build before decision 0057) runs JMX over RMI
    set_prop "${HOME_DIR}/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$rmireg"
    set_prop "${HOME_DIR}/etc/org.apache.karaf.management.cfg" rmiServerPort "$rmisrv"
  fi
  if [ -f "${HOME_DIR}/etc/org.ops4j.pax.web.cfg" ]; then   # plain Karaf has no web server at all
    set_prop "${HOME_DIR}/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$http"
    set_prop "${HOME_DIR}/etc/org.ops4j.pax.web.cfg" org.ops4j.pax.web.listening.addresses 127.0.0.1
  fi
  log=${HOME_DIR}/data/log/karaf.log
  sync   # flush the unpack so its write-back does not land inside the timed boot
  wait_quiet; quiet=$?

  set -m   # own process group, so the whole instance can be signalled at once
  busy0=$(cpu_busy_ms)
  stamp; t0=$NOW_US
  ( cd "${HOME_DIR}" || exit 1
    unset JAVA_OPTS EXTRA_JAVA_OPTS JAVA_MIN_MEM JAVA_MAX_MEM JAVA_PERM_MEM JAVA_MAX_PERM_MEM \
          KARAF_OPTS KARAF_SYSTEM_OPTS KARAF_DEBUG KARAF_HOME KARAF_BASE KARAF_DATA KARAF_ETC KARAF_LOG
    exec ./bin/karaf server ) > "${HOME_DIR}/console.out" 2>&1 < /dev/null &
  pid=$!
  set +m
  CUR_PID=$pid
  deadline=$((t0 + READY_TIMEOUT * 1000000))
  rss_at=$((t0 + RSS_AFTER * 1000000))

  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then fail="Karaf exited before it was ready"; break; fi
    if [ -z "$t_ssh" ] && port_listening "$ssh"; then stamp; t_ssh=$((NOW_US - t0)); fi
    if [ -z "$t_boot" ] && grep -q "${DONE_RE}" "$log" 2>/dev/null; then
      stamp; t_boot=$((NOW_US - t0))
      $need_health || cpu_ready=$(jvm_cpu_ms "$pid")   # plain Karaf is ready when its boot features are
    fi
    if [ -z "$t_health" ]; then   # same probe for both distributions (plain Karaf: refused at once)
      code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout 1 --max-time 2 \
               "http://127.0.0.1:${http}/api/v1/health" 2>/dev/null)
      stamp
      [ -z "$t_http" ] && [ -n "$code" ] && [ "$code" != 000 ] && t_http=$((NOW_US - t0))
      [ "$code" = 200 ] && t_health=$((NOW_US - t0)) && cpu_ready=$(jvm_cpu_ms "$pid")
    fi
    stamp
    if [ -z "$rss" ] && [ "$NOW_US" -ge "$rss_at" ]; then   # readiness slower than RSS_AFTER
      sample_jvm "$pid"
    fi
    if [ -n "$t_ssh" ] && [ -n "$t_boot" ] && { ! $need_health || [ -n "$t_health" ]; }; then
      # CPU used by everything except this JVM from launch to ready: a measure of interference
      rss2=$rss; hwm2=$hwm; cpu2=$cpu
      stamp; t_ready=$((NOW_US - t0))
      sample_jvm "$pid" && other=$(( $(cpu_busy_ms) - busy0 - cpu ))
      # a quiet run: other processes used < QUIET_RUN_PCT % of all CPUs while this one booted
      [ -n "$other" ] && [ $((other * 1000 * 100)) -lt $((QUIET_RUN_PCT * NCPU * t_ready)) ] && quiet_run=1
      rss=$rss2; hwm=$hwm2; cpu=$cpu2
      break
    fi
    if [ "$NOW_US" -ge "$deadline" ]; then fail="not ready within ${READY_TIMEOUT}s"; break; fi
    sleep "${POLL}"
  done

  if [ -z "$fail" ] && [ -z "$rss" ]; then
    stamp
    [ "$NOW_US" -lt "$rss_at" ] && sleep "$(awk -v u=$((rss_at - NOW_US)) 'BEGIN { printf "%.3f", u / 1000000 }')"
    sample_jvm "$pid"
    [ -n "$rss" ] || fail="Karaf JVM gone before the RSS sample"
  fi

  stop_karaf "$pid"; CUR_PID=""
  errs=$(grep -c '| ERROR |' "$log" 2>/dev/null); errs=${errs:-0}
  cp "$log" "${LOGS_DIR}/${d}-run${n}-karaf.log" 2>/dev/null
  cp "${HOME_DIR}/console.out" "${LOGS_DIR}/${d}-run${n}-console.out" 2>/dev/null
  if ! ${KEEP}; then rm -rf "${CUR_DIR}"; fi; CUR_DIR=""

  if [ -n "$fail" ]; then
    eval "FAIL_$d=\$((FAIL_$d + 1))"
    say "$(printf '  %-11s run %d  FAILED: %s (log: %s)' "$label" "$n" "$fail" "${LOGS_DIR}/${d}-run${n}-karaf.log")"
    return 0
  fi
  eval "T_SSH_$d+=(\"$t_ssh\"); T_BOOT_$d+=(\"$t_boot\"); RSS_$d+=(\"$rss\"); HWM_$d+=(\"$hwm\"); CPU_$d+=(\"$cpu\"); CPUREADY_$d+=(\"${cpu_ready}\"); ERR_$d+=(\"$errs\"); OTHER_$d+=(\"${other:-?}\")"
  eval "T_HTTP_$d+=(\"$t_http\"); T_HEALTH_$d+=(\"$t_health\"); QUIET_RUN_$d+=(\"$quiet_run\")"
  local others="?"
  [ -n "$other" ] && others="$(secs $((other * 1000)))s = $((other * 1000 * 100 / (NCPU * t_ready)))%"
  say "$(printf '  %-11s run %d  ssh %5ss  boot %5ss  health %6s  RSS %3d MiB (peak %3d)  CPU %5ss  CPU to ready %5ss  ERRORs %s  | others %s %s%s' \
    "$label" "$n" "$(secs "$t_ssh")" "$(secs "$t_boot")" \
    "$( [ -n "$t_health" ] && echo "$(secs "$t_health")s" || echo "-")" \
    $((rss / 1024)) $((hwm / 1024)) "$(secs $((cpu * 1000)))" "$(secs $((${cpu_ready:-0} * 1000)))" "$errs" "$others" \
    "$( [ "$quiet_run" = 1 ] && echo quiet || echo NOISY)" \
    "$( [ "$quiet" -eq 0 ] || echo ", ${PRE_BUSY}% busy at launch")")"
}

# ---------------------------------------------------------------- statistics / formatting
stats() { # numbers... -> "median min max" (or "" when none)
  [ $# -gt 0 ] || { echo ""; return; }
  printf '%s\n' "$@" | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) exit; m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m, a[1], a[NR] }'
}
stats_us() { # milliseconds... -> stats in microseconds (so fmt_time applies)
  [ $# -gt 0 ] || { echo ""; return; }
  stats "$@" | awk '{ print $1 * 1000, $2 * 1000, $3 * 1000 }'
}
fmt_time() { # "median min max" in us -> "4.61 (4.50-4.90)"
  [ -n "$1" ] || { echo "n/a"; return; }
  echo "$1" | awk '{ printf "%.2f (%.2f-%.2f)", $1 / 1e6, $2 / 1e6, $3 / 1e6 }'
}
fmt_mib() { # "median min max" in kB -> "312 (300-320)"
  [ -n "$1" ] || { echo "n/a"; return; }
  echo "$1" | awk '{ printf "%.0f (%.0f-%.0f)", $1 / 1024, $2 / 1024, $3 / 1024 }'
}
fmt_bytes() { [ -n "$1" ] && awk -v b="$1" 'BEGIN { printf "%d (%.1f MiB)", b, b / 1048576 }' || echo "n/a"; }
ratio() { # a b -> a/b with 2 decimals, n/a when missing
  if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; else echo "n/a"; fi
}
med() { [ -n "$1" ] && echo "${1%% *}" || echo ""; }
row() { say "$(printf '%-38s %-22s %-22s %s' "$@")"; }

# ---------------------------------------------------------------- run
say "Startup benchmark, $(date '+%Y-%m-%d %H:%M:%S %Z')"
say "  host: $(uname -sr), ${NCPU} CPUs, $(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, load avg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "  java: $(java -version 2>&1 | head -n 1)"
if command -v git >/dev/null 2>&1 && rev=$(git -C "${ROOT}" rev-parse --short HEAD 2>/dev/null); then
  [ -n "$(git -C "${ROOT}" status --porcelain -- . ':!bench' 2>/dev/null | head -n 1)" ] && rev="${rev} + uncommitted changes"
  say "  project: ${rev}"
fi
say "  Proeftuin:   ${PROEFTUIN_TGZ} ($(ls -l "${PROEFTUIN_TGZ}" | awk '{ print $6, $7, $8 }'))"
say "  plain Karaf: ${TGZ_K}"
say "  ${RUNS} cold starts each (fresh unpack, empty data/), alternating; poll ${POLL}s; RSS ${RSS_AFTER}s after start"
say "  before each start: wait <= ${QUIET_WAIT}s for < ${QUIET_PCT}% CPU busy"
say "  per run: ssh/boot/health = readiness markers (s), RSS and CPU = Karaf JVM ${RSS_AFTER}s after start;"
say "  others = CPU that other processes used from launch to ready, as % of all CPUs (quiet: < ${QUIET_RUN_PCT}%)"
say "  CPU to ready = CPU the Karaf JVM used until health 200 (Proeftuin) or its boot features were done (plain):"
say "  the boot's work, the figure least changed by other load on the machine"
say ""

for n in $(seq 1 "${RUNS}"); do
  run_once p "${TGZ_P}" "$n"
  run_once k "${TGZ_K}" "$n"
done

quiet_only() { # ARRAY d -> the ARRAY_d values of the quiet runs of d (same index in QUIET_RUN_d)
  local -n vals="$1_$2" flags="QUIET_RUN_$2"
  local i
  for i in "${!vals[@]}"; do [ "${flags[$i]:-0}" = 1 ] && printf '%s\n' "${vals[$i]}"; done
}
time_rows() { # filter: "all" or "quiet"
  local f=$1 d m vals=()
  declare -A S
  for d in p k; do
    for m in T_SSH T_BOOT T_HTTP T_HEALTH CPU CPUREADY; do
      if [ "$f" = all ]; then eval "set -- \"\${${m}_$d[@]}\""; else mapfile -t vals < <(quiet_only "$m" "$d"); set -- "${vals[@]}"; fi
      if [ "$m" = CPU ] || [ "$m" = CPUREADY ]; then S[$m$d]=$(stats_us "$@"); else S[$m$d]=$(stats "$@"); fi
    done
  done
  row "SSH port listening (s)" "$(fmt_time "${S[T_SSHp]}")" "$(fmt_time "${S[T_SSHk]}")" "$(ratio "$(med "${S[T_SSHp]}")" "$(med "${S[T_SSHk]}")")"
  row "boot features provisioned (s)" "$(fmt_time "${S[T_BOOTp]}")" "$(fmt_time "${S[T_BOOTk]}")" "$(ratio "$(med "${S[T_BOOTp]}")" "$(med "${S[T_BOOTk]}")")"
  row "HTTP port answering, any status (s)" "$(fmt_time "${S[T_HTTPp]}")" "- (no web server)" ""
  row "GET /api/v1/health = 200 (s)" "$(fmt_time "${S[T_HEALTHp]}")" "- (no endpoint)" "$(ratio "$(med "${S[T_HEALTHp]}")" "$(med "${S[T_BOOTk]}")") (vs plain boot)"
  row "JVM CPU time, first ${RSS_AFTER}s (s)" "$(fmt_time "${S[CPUp]}")" "$(fmt_time "${S[CPUk]}")" "$(ratio "$(med "${S[CPUp]}")" "$(med "${S[CPUk]}")")"
  row "JVM CPU time until ready (s)" "$(fmt_time "${S[CPUREADYp]}")" "$(fmt_time "${S[CPUREADYk]}")" "$(ratio "$(med "${S[CPUREADYp]}")" "$(med "${S[CPUREADYk]}")") (health vs plain boot)"
}
count_quiet() { local -n flags="QUIET_RUN_$1"; local c=0 q; for q in "${flags[@]}"; do [ "$q" = 1 ] && c=$((c + 1)); done; echo "$c"; }

S_RSS_p=$(stats "${RSS_p[@]}"); S_RSS_k=$(stats "${RSS_k[@]}")
S_HWM_p=$(stats "${HWM_p[@]}"); S_HWM_k=$(stats "${HWM_k[@]}")

say ""
say "Results: median (min-max); times in seconds from launching bin/karaf"
row "" "Proeftuin" "plain Karaf ${KARAF_VERSION}" "Proeftuin/plain"
row "successful runs" "${#T_SSH_p[@]} of ${RUNS}" "${#T_SSH_k[@]} of ${RUNS}" ""
row "tar.gz size (bytes)" "$(fmt_bytes "${SIZE_TGZ[p]}")" "$(fmt_bytes "${SIZE_TGZ[k]}")" "$(ratio "${SIZE_TGZ[p]}" "${SIZE_TGZ[k]}")"
row "unpacked size (bytes)" "$(fmt_bytes "${SIZE_UNP[p]}")" "$(fmt_bytes "${SIZE_UNP[k]}")" "$(ratio "${SIZE_UNP[p]}" "${SIZE_UNP[k]}")"
row "unpacked files" "${FILES_UNP[p]}" "${FILES_UNP[k]}" "$(ratio "${FILES_UNP[p]}" "${FILES_UNP[k]}")"
row "JVM RSS ${RSS_AFTER}s after start (MiB)" "$(fmt_mib "${S_RSS_p}")" "$(fmt_mib "${S_RSS_k}")" "$(ratio "$(med "${S_RSS_p}")" "$(med "${S_RSS_k}")")"
row "JVM peak RSS by then, VmHWM (MiB)" "$(fmt_mib "${S_HWM_p}")" "$(fmt_mib "${S_HWM_k}")" "$(ratio "$(med "${S_HWM_p}")" "$(med "${S_HWM_k}")")"
say "-- all successful runs"
time_rows all
say "-- quiet runs only ($(count_quiet p) Proeftuin, $(count_quiet k) plain Karaf): other processes used < ${QUIET_RUN_PCT}% of the CPUs during the boot"
time_rows quiet
say ""
if [ "${LAUNCH_SUM[p]:-x}" = "${LAUNCH_SUM[k]:-y}" ]; then same=identical; else same=DIFFERENT; fi
say "  bin/karaf + bin/setenv of the two distributions: ${same}; no -Xms/-Xmx given (JVM default heap sizing)"
say "  ERROR lines in karaf.log per run: Proeftuin ${ERR_p[*]:-n/a}; plain Karaf ${ERR_k[*]:-n/a}"
say "  load avg at end: $(cut -d' ' -f1-3 /proc/loadavg)"
say "  written to ${RESULTS}; karaf.log of each run in ${LOGS_DIR}/"

[ "${FAIL_p}" -eq 0 ] && [ "${FAIL_k}" -eq 0 ]
