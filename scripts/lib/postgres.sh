# Sourced by scripts/test and scripts/start: a PostgreSQL server of the project's own, run from
# Debian's `postgresql` package as a private cluster (initdb into a directory of ours, pg_ctl on
# 127.0.0.1 and a port of ours). It never touches the system's clusters (/etc/postgresql) and
# needs no docker.
#
#   kp_ensure_postgres            installs the server with apt-get when it is missing
#   kp_postgres_start DIR [PORT]  creates the cluster in DIR when DIR is empty, starts it and
#                                 sets KP_PG_URL (postgresql://postgres:…@127.0.0.1:PORT) and
#                                 KP_PG_PORT; returns non-zero, with the reason logged, when it
#                                 cannot
#   kp_postgres_stop DIR          stops the cluster in DIR when it runs
#
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user that the
# Debian package creates, and DIR is handed to that user.

KP_PG_USER=postgres
KP_PG_BIN=""
KP_PG_MAJOR=""
KP_PG_URL=""
KP_PG_PORT=""

kp_postgres_find_bin() {
  local dir
  KP_PG_BIN=""
  # The newest installed major version wins.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && KP_PG_BIN="$dir"
  done
  [ -n "$KP_PG_BIN" ] || return 1
  KP_PG_MAJOR="$(basename "$(dirname "$KP_PG_BIN")")"
}

kp_ensure_postgres() {
  kp_postgres_find_bin && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    kp_die "PostgreSQL is missing and apt-get is not available. Install the PostgreSQL server so that /usr/lib/postgresql/<version>/bin/initdb exists, then run again."
  fi
  kp_log "installing Debian postgresql (the server binaries; the project runs its own cluster)"
  local sudo="" start=$SECONDS
  [ "$(id -u)" = 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql; } >&2 ||
    kp_die "could not install postgresql with apt-get. Install it by hand (apt-get install postgresql) and run again."
  kp_postgres_find_bin || kp_die "postgresql was installed but /usr/lib/postgresql/<version>/bin/initdb is missing."
  kp_log "installed PostgreSQL in $((SECONDS - start)) s ($KP_PG_BIN)"
}

# Runs a PostgreSQL binary as the user that owns the cluster.
kp_postgres_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$KP_PG_USER" -- "$@"
  else
    "$@"
  fi
}

kp_postgres_free_port() {
  local port
  for port in $(seq 54320 54420); do
    kp_port_free "$port" && { echo "$port"; return 0; }
  done
  return 1
}

# kp_postgres_start DIR [PORT]: DIR holds data/, password and port; an existing cluster is reused
# with its password, and with its port unless PORT is given.
kp_postgres_start() {
  local dir="$1" port="${2:-}"
  kp_postgres_find_bin || { kp_log "PostgreSQL is not installed (kp_ensure_postgres installs it)"; return 1; }
  mkdir -p "$dir" || return 1
  dir="$(cd "$dir" && pwd)"
  local data="$dir/data"
  if [ "$(id -u)" = 0 ]; then
    getent passwd "$KP_PG_USER" >/dev/null ||
      { kp_log "running as root, PostgreSQL needs the '$KP_PG_USER' user (the Debian package creates it)"; return 1; }
    chown "$KP_PG_USER" "$dir"
  fi
  chmod 700 "$dir"

  if [ ! -f "$data/PG_VERSION" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$dir/password")
    [ "$(id -u)" = 0 ] && chown "$KP_PG_USER" "$dir/password"
    kp_postgres_as_owner "$KP_PG_BIN/initdb" --pgdata "$data" --username postgres \
      --pwfile "$dir/password" --auth scram-sha-256 --encoding UTF8 --locale C >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; kp_log "initdb failed in $data (see above)"; return 1; }
  fi

  if kp_postgres_as_owner "$KP_PG_BIN/pg_ctl" status --pgdata "$data" >/dev/null 2>&1; then
    KP_PG_PORT="$(cat "$dir/port")"
  else
    if [ -z "$port" ]; then
      port="$(cat "$dir/port" 2>/dev/null || true)"
      if [ -z "$port" ] || ! kp_port_free "$port"; then
        port="$(kp_postgres_free_port)" || { kp_log "no free port for PostgreSQL in 54320-54420"; return 1; }
      fi
    fi
    echo "$port" >"$dir/port"
    # The socket lives in DIR: /var/run/postgresql belongs to the system's clusters.
    # max_connections: every test database and every backend plugin holds its own pool.
    kp_postgres_as_owner "$KP_PG_BIN/pg_ctl" start --pgdata "$data" --wait --timeout 60 \
      --log "$dir/postgres.log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=300" \
      >/dev/null 2>&1 ||
      { tail -20 "$dir/postgres.log" >&2; kp_log "PostgreSQL did not start (log: $dir/postgres.log)"; return 1; }
    KP_PG_PORT="$port"
  fi
  KP_PG_URL="postgresql://postgres:$(cat "$dir/password")@127.0.0.1:$KP_PG_PORT"
  export KP_PG_URL KP_PG_PORT
}

kp_postgres_stop() {
  local dir="$1"
  kp_postgres_find_bin || return 0
  [ -f "$dir/data/PG_VERSION" ] || return 0
  kp_postgres_as_owner "$KP_PG_BIN/pg_ctl" status --pgdata "$dir/data" >/dev/null 2>&1 || return 0
  kp_postgres_as_owner "$KP_PG_BIN/pg_ctl" stop --pgdata "$dir/data" --mode fast --wait >/dev/null 2>&1
}
