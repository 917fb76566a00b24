# bench/lib.sh - shared by the load benchmarks: unpack the distribution afresh, give it free
# loopback ports, start it in its own process group, wait for health, stop it on exit; and a fresh
# PostgreSQL cluster to run it on (pg_start, pg_distribution).
# Source it; set WORK and PROEFTUIN_TGZ first. Sets HOME_DIR, HTTP, BASE, KARAF_PID; after login,
# TOKEN and AUTH (curl arguments carrying it). Defines functions only (and PG_BIN's default).

# free_port: a free loopback port BELOW the kernel's ephemeral range. A poll of a port before its server
# listens can, on loopback, get that same port as its source port and connect to itself when the port is
# in the ephemeral range (where the kernel's own choice, bind to port 0, comes from): the poll hangs or
# reads nothing and the port stays taken, so the server cannot bind it (RestartIT saw it in CI). A port
# below the range is never a connection's source port. Same rule as the tests' LoopbackPorts.
free_port() {
  python3 -c '
import random, socket
low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
for _ in range(200):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", random.randrange(10000, low) if low - 10000 >= 1000 else 0))
        except OSError:
            continue
        print(s.getsockname()[1])
        break
else:
    raise SystemExit("no free loopback port below the ephemeral range")'
}

stop_karaf() {
  if [ -n "${KARAF_PID:-}" ] && kill -0 "${KARAF_PID}" 2>/dev/null; then
    kill -TERM -- "-${KARAF_PID}" 2>/dev/null || kill -TERM "${KARAF_PID}" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "${KARAF_PID}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-${KARAF_PID}" 2>/dev/null || true
  fi
}

# unpack_distribution: fresh copy under $WORK with free ports; sets HOME_DIR, HTTP, BASE
unpack_distribution() {
  [ -f "${PROEFTUIN_TGZ}" ] || { echo "no distribution at ${PROEFTUIN_TGZ}: run mvn -B -q install -DskipTests" >&2; exit 2; }
  rm -rf "${WORK}" && mkdir -p "${WORK}"
  tar xzf "${PROEFTUIN_TGZ}" -C "${WORK}"
  HOME_DIR=$(echo "${WORK}"/nl.proeftuin.distribution-*)
  HTTP=$(free_port)
  local ssh rmir rmis
  ssh=$(free_port); rmir=$(free_port); rmis=$(free_port)
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = ${HTTP}/" "${HOME_DIR}/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = ${ssh}/" "${HOME_DIR}/etc/org.apache.karaf.shell.cfg"
  # an older build under comparison may still run JMX over RMI (decision 0057: this one has none)
  [ ! -f "${HOME_DIR}/etc/org.apache.karaf.management.cfg" ] || sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = ${rmir}/; s/^rmiServerPort *=.*/rmiServerPort = ${rmis}/" "${HOME_DIR}/etc/org.apache.karaf.management.cfg"
  BASE="http://127.0.0.1:${HTTP}/api/v1"
  # the one user of the run (the distribution ships none): professional and coordinator, so that
  # one login opens cases, reads them and rebinds plugins
  BENCH_USER=bench
  BENCH_PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  java "$(dirname "${BASH_SOURCE[0]}")/HashPassword.java" "${BENCH_USER}" "${BENCH_PASSWORD}" 10000 \
    PROFESSIONAL,COORDINATOR >> "${HOME_DIR}/etc/proeftuin-users.properties"
  # the region's register, as a region feature seeds it (the benchmarks open cases in Arnhem); a
  # factory configuration file is named with a dash
  printf 'code = GM0202\nname = Arnhem\n' \
    > "${HOME_DIR}/etc/nl.proeftuin.core.engine.internal.DefaultMunicipality-bench_arnhem.cfg"
  # a Karaf shell user, to grant the bench user its municipalities after its first login
  SHELL_PORT=${ssh}
  SHELL_PASSWORD="shell-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '\nbenchshell = %s,_g_:admingroup,REGIONAL_ADMINISTRATOR\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n' \
    "${SHELL_PASSWORD}" >> "${HOME_DIR}/etc/users.properties"
}

# grant_all_municipalities: an account appears at its first login and sees no municipality until an
# operator grants it some; grant the bench user all of them at the Karaf console, as an operator would
grant_all_municipalities() {
  local out
  for _ in $(seq 1 30); do
    out=$(echo "proeftuin:user-roles -a ${BENCH_USER}" | "${HOME_DIR}/bin/client" -h 127.0.0.1 -a "${SHELL_PORT}" \
      -u benchshell -p "${SHELL_PASSWORD}" -b 2>&1) || true
    case "${out}" in *municipalities=all*) return 0 ;; esac
    sleep 1
  done
  echo "could not grant ${BENCH_USER} all municipalities: ${out}" >&2
  exit 1
}

# login: a session token for the bench user (granted all municipalities at its first login); sets
# TOKEN and AUTH
login() {
  login_once
  if [ -z "${GRANTED:-}" ]; then
    grant_all_municipalities
    GRANTED=1
    login_once
  fi
}

login_once() {
  TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"${BENCH_USER}\",\"password\":\"${BENCH_PASSWORD}\"}" "${BASE}/auth/login" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [ -n "${TOKEN}" ] || { echo "login failed" >&2; exit 1; }
  AUTH=(-H "Authorization: Bearer ${TOKEN}")
}

# start_karaf: starts bin/karaf server in its own process group and polls health until 200 (120 s at most)
start_karaf() {
  setsid "${HOME_DIR}/bin/karaf" server > "${WORK}/karaf.out" 2>&1 &
  KARAF_PID=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "${BASE}/health")" = "200" ] && return 0
    sleep 0.1
  done
  echo "not ready after 120 s; see ${HOME_DIR}/data/log/karaf.log" >&2
  exit 1
}

# PostgreSQL 15 for a bench (families.sh; api-load.sh with DB=postgres), from Debian's binaries (PG_BIN)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DATA=
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_stop() { [ -z "${PG_DATA}" ] || as_postgres "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -m fast -w -t 60 stop >/dev/null 2>&1 || true; PG_DATA=; }

# pg_start DIR: a fresh cluster under DIR on a free loopback port (run as 'postgres' when we are root),
# pg_stat_statements loaded, and a role and database 'proeftuin'. The role is a SUPERUSER until the caller
# revokes it (a bulk load skips the foreign-key triggers then). Sets PG_DIR, PG_DATA, PG_PORT, PG_PASSWORD.
pg_start() {
  [ -x "${PG_BIN}/pg_ctl" ] || { echo "no PostgreSQL binaries at ${PG_BIN} (apt-get install postgresql-15, or set PG_BIN)" >&2; exit 2; }
  PG_DIR=$1
  mkdir -p "${PG_DIR}"
  [ "$(id -u)" != 0 ] || chown postgres: "${PG_DIR}"
  PG_DATA=${PG_DIR}/data
  PG_PORT=$(free_port)
  as_postgres "${PG_BIN}/initdb" -D "${PG_DATA}" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 > "${PG_DIR}/initdb.log" 2>&1 || { cat "${PG_DIR}/initdb.log" >&2; exit 1; }
  cat >> "${PG_DATA}/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = ${PG_PORT}
unix_socket_directories = '${PG_DIR}'
shared_buffers = 512MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
CONF
  as_postgres "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -l "${PG_DIR}/postgres.log" -w -t 60 start >/dev/null
  PG_PASSWORD="pg-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  psql_q postgres "CREATE ROLE proeftuin LOGIN SUPERUSER PASSWORD '${PG_PASSWORD}'" >/dev/null
  psql_q postgres "CREATE DATABASE proeftuin OWNER proeftuin" >/dev/null
}

# psql_q DATABASE SQL: one statement as the cluster's superuser, unaligned output
psql_q() { as_postgres "${PG_BIN}/psql" -h "${PG_DIR}" -p "${PG_PORT}" -U postgres -d "$1" -At -v ON_ERROR_STOP=1 -c "$2"; }

# pg_distribution: points the unpacked distribution (HOME_DIR) at that database, as a region configures it
pg_distribution() {
  cat > "${HOME_DIR}/etc/nl.proeftuin.core.store.internal.JdbcDatabase.cfg" <<CFG
url = jdbc:postgresql://127.0.0.1:${PG_PORT}/proeftuin
dataSourceFactory.target = (osgi.jdbc.driver.class=org.postgresql.Driver)
user = proeftuin
.password = ${PG_PASSWORD}
maxPoolSize = 10
connectionTimeoutMillis = 5000
CFG
}
