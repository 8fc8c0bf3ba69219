#!/usr/bin/env bash
# The local stack CustodySettle runs on, with no Docker and no system service:
#   a private PostgreSQL 15 cluster and an anvil node, both kept under .stack/ (git-ignored).
#
#   scripts/stack.sh up       start both (idempotent; cleans up after a crashed previous run)
#   scripts/stack.sh down     stop both, leaving no process, socket or lock file behind
#   scripts/stack.sh status   print what runs; exit 0 when everything is up, 3 otherwise
#   scripts/stack.sh env      print the generated connection settings (.stack/stack.env)
#
# Settings (environment): CS_STACK_DIR (default <repo>/.stack), CS_PG_PORT (55432),
# CS_ANVIL_PORT (8545), CS_PG_BIN (the PostgreSQL 15 bin folder), CS_ANVIL_STATE=0 to start anvil
# without a state file. initdb refuses to run as root, so as root the cluster belongs to the
# unprivileged system user "custodysettle", created on first use.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stack="${CS_STACK_DIR:-$repo/.stack}"
pg_port="${CS_PG_PORT:-55432}"
anvil_port="${CS_ANVIL_PORT:-8545}"
pg_bin="${CS_PG_BIN:-/usr/lib/postgresql/15/bin}"
anvil_bin="$repo/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
pg_user="custodysettle"           # cluster superuser, and the OS user that owns the cluster as root
pg_db="custodysettle"
os_user="custodysettle"

pg_dir="$stack/pg"
# Set by pg_paths: the cluster's folder with any link resolved (see prepare_pg_dir), since the
# cluster's owner may reach it only through the link's target.
pg_data="" pg_run="" pg_log=""
pg_paths() {
  local home="$pg_dir"
  [ -L "$pg_dir" ] && home="$(readlink -f "$pg_dir")"
  pg_data="$home/data"
  pg_run="$home/run"                # Unix socket directory
  pg_log="$home/postgres.log"
}
pg_paths
anvil_dir="$stack/anvil"
anvil_pid="$anvil_dir/anvil.pid"
anvil_log="$anvil_dir/anvil.log"
anvil_home="$anvil_dir/home"
env_file="$stack/stack.env"

say() { printf '[stack] %s\n' "$*"; }
die() { printf '[stack] error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# True when process $1 exists and is not a zombie: a killed process whose parent is gone can stay a
# zombie (kill -0 still succeeds) where PID 1 does not reap. Alone, it answers for a process we just
# forked, whatever it is called yet: until the fork has exec'd setsid and setsid
# has exec'd the server, its name is still the shell's, so alive() would call it dead. Under load
# that window was long enough to fail `up` (CI, 2026-12-02).
not_exited() {
  local pid="$1" stat
  [ -n "$pid" ] && stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  local state="${stat##*) }"
  [ "${state:0:1}" != "Z" ]
}

# not_exited, and its command name contains $2.
alive() {
  [ -n "$1" ] && [[ "$(cat "/proc/$1/stat" 2>/dev/null)" == *"($2"* ]] && not_exited "$1"
}

# Runs a PostgreSQL binary as the cluster's owner.
as_owner() {
  if is_root; then runuser -u "$os_user" -- "$@"; else "$@"; fi
}

ensure_os_user() {
  is_root || return 0
  id -u "$os_user" >/dev/null 2>&1 && return 0
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$os_user"
  say "created system user $os_user to own the PostgreSQL cluster (initdb refuses root)"
}

# The owner must be able to reach $pg_dir. A clone under a private home (mode 700) is not
# traversable by another user; then the cluster lives in /var/lib/custodysettle and
# .stack/pg links to it, so it is still found (and removed) through the repository.
prepare_pg_dir() {
  mkdir -p "$stack"
  if [ -e "$pg_dir" ] || [ -L "$pg_dir" ]; then :; else mkdir -p "$pg_dir"; fi
  if is_root; then
    if ! runuser -u "$os_user" -- test -x "$stack" 2>/dev/null; then
      if [ ! -L "$pg_dir" ]; then
        local key; key="$(printf '%s' "$stack" | sha256sum | cut -c1-12)"
        local alt="/var/lib/custodysettle/$key"
        mkdir -p "$alt"; rmdir "$pg_dir" 2>/dev/null || true
        ln -sfn "$alt" "$pg_dir"
        say "$stack is not reachable by $os_user; cluster kept in $alt (linked from $pg_dir)"
      fi
    fi
    chown "$os_user": "$(readlink -f "$pg_dir")"
  fi
  pg_paths
  mkdir -p "$pg_run"
  is_root && chown "$os_user": "$pg_run"
  return 0
}

pg_running() {
  [ -f "$pg_data/postmaster.pid" ] && alive "$(head -n1 "$pg_data/postmaster.pid")" postgres
}

# A crash (kill -9, power loss) leaves postmaster.pid and the socket lock behind. postgres itself
# refuses to start over a pid file whose process still exists, so remove them only when no
# postmaster owns them.
clean_stale_pg() {
  local pidfile="$pg_data/postmaster.pid"
  if [ -f "$pidfile" ]; then
    local pid; pid="$(head -n1 "$pidfile")"
    alive "$pid" postgres && return 0
    say "removing stale PostgreSQL pid file from a crashed run"
    rm -f "$pidfile"
  fi
  rm -f "$pg_run/.s.PGSQL.$pg_port" "$pg_run/.s.PGSQL.$pg_port.lock"
}

pg_password() {
  if [ ! -s "$stack/pg-password" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$stack/pg-password")
  fi
  cat "$stack/pg-password"
}

pg_init() {
  [ -f "$pg_data/PG_VERSION" ] && return 0
  [ -x "$pg_bin/initdb" ] || die "PostgreSQL 15 binaries not found in $pg_bin (Debian: apt-get install postgresql-15)"
  local pwfile; pwfile="$(mktemp)"
  pg_password > "$pwfile"
  is_root && chown "$os_user" "$pwfile"
  say "initdb: new cluster in $pg_data"
  as_owner "$pg_bin/initdb" -D "$pg_data" -U "$pg_user" --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --no-locale >/dev/null
  rm -f "$pwfile"
  # fsync and synchronous_commit stay at their safe defaults: benchmarks must measure durable commits.
  cat >> "$pg_data/postgresql.conf" <<EOF

# CustodySettle local stack (scripts/stack.sh)
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_run'
max_connections = 400
shared_buffers = 512MB
fsync = on
synchronous_commit = on
logging_collector = off
log_min_messages = warning
EOF
}

pg_up() {
  prepare_pg_dir
  pg_init
  if pg_running; then say "PostgreSQL already running on 127.0.0.1:$pg_port"; return 0; fi
  clean_stale_pg
  # setsid: the server leaves the caller's process group, so a Ctrl-C meant for a test run does not
  # stop it; only `down` (or the run command's own clean-up) does.
  as_owner setsid "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_log" -w -t 60 -o "-p $pg_port -k $pg_run" start >/dev/null \
    || { tail -n 20 "$pg_log" >&2; die "PostgreSQL did not start (log: $pg_log)"; }
  as_owner "$pg_bin/psql" -h "$pg_run" -p "$pg_port" -U "$pg_user" -d postgres -qtAc \
    "SELECT 1 FROM pg_database WHERE datname = '$pg_db'" | grep -q 1 \
    || as_owner "$pg_bin/createdb" -h "$pg_run" -p "$pg_port" -U "$pg_user" "$pg_db"
  say "PostgreSQL 15 up on 127.0.0.1:$pg_port (socket $pg_run)"
}

pg_down() {
  if pg_running; then
    as_owner "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 60 stop >/dev/null
    say "PostgreSQL stopped"
  fi
  [ -d "$pg_data" ] && clean_stale_pg
  return 0
}

anvil_running() {
  [ -f "$anvil_pid" ] || return 1
  alive "$(cat "$anvil_pid")" anvil
}

rpc_ready() {
  curl -sf -m 2 -H 'content-type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$anvil_port" >/dev/null
}

anvil_up() {
  [ -x "$anvil_bin" ] || die "anvil not installed; run scripts/bootstrap.sh (npm ci)"
  mkdir -p "$anvil_dir"
  if anvil_running; then say "anvil already running on 127.0.0.1:$anvil_port"; return 0; fi
  rm -f "$anvil_pid"
  local state_args=()
  [ "${CS_ANVIL_STATE:-1}" = "1" ] && state_args=(--state "$anvil_dir/state.json")
  # anvil spills every block state that leaves its memory to $HOME/.foundry/anvil/tmp, unbounded and
  # never removed; a HOME of its own under .stack/ keeps that here, emptied at each start and by `down`.
  rm -rf "$anvil_home"; mkdir -p "$anvil_home"
  # setsid, as for PostgreSQL: `down` stops it by pid.
  HOME="$anvil_home" setsid "$anvil_bin" --host 127.0.0.1 --port "$anvil_port" --chain-id 31337 "${state_args[@]}" \
    >"$anvil_log" 2>&1 < /dev/null &
  echo $! > "$anvil_pid"
  for _ in $(seq 1 100); do
    rpc_ready && { say "anvil up on http://127.0.0.1:$anvil_port (chain id 31337)"; return 0; }
    not_exited "$(cat "$anvil_pid")" || break
    sleep 0.1
  done
  tail -n 20 "$anvil_log" >&2
  die "anvil did not start (log: $anvil_log)"
}

anvil_down() {
  if anvil_running; then
    local pid; pid="$(cat "$anvil_pid")"
    kill -TERM "$pid" 2>/dev/null || true   # TERM lets anvil write its state file
    for _ in $(seq 1 50); do alive "$pid" anvil || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    say "anvil stopped"
  fi
  rm -f "$anvil_pid"
  rm -rf "$anvil_home"
}

kv() { printf "%s='%s'\n" "$1" "$2"; }

write_env() {
  local password; password="$(pg_password)"
  local tmp="$env_file.tmp"
  # Values are single-quoted so the file can be sourced by a shell (the connection string has ';').
  (umask 077; {
    echo "# Generated by scripts/stack.sh up; read by the service, the tests and the benchmarks."
    kv CS_REPO "$repo"
    kv CS_PG_HOST 127.0.0.1
    kv CS_PG_PORT "$pg_port"
    kv CS_PG_SOCKET_DIR "$pg_run"
    kv CS_PG_USER "$pg_user"
    kv CS_PG_PASSWORD "$password"
    kv CS_PG_DATABASE "$pg_db"
    kv CS_PG_BIN "$pg_bin"
    kv CS_PG_CONNECTION "Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Password=$password;Database=$pg_db"
    kv CS_ANVIL_URL "http://127.0.0.1:$anvil_port"
    kv CS_ANVIL_BIN "$anvil_bin"
    kv CS_FORGE_BIN "$repo/node_modules/@foundry-rs/forge-linux-amd64/bin/forge"
    kv CS_SOLC "$repo/contracts/tools/solc"
  } > "$tmp")
  mv "$tmp" "$env_file"
}

status() {
  local ok=0
  if pg_running; then say "postgres: up (127.0.0.1:$pg_port, data $pg_data)"; else say "postgres: down"; ok=3; fi
  if anvil_running && rpc_ready; then say "anvil:    up (http://127.0.0.1:$anvil_port)"; else say "anvil:    down"; ok=3; fi
  return $ok
}

main() {
  case "${1:-}" in
    up)
      ensure_os_user
      pg_up
      anvil_up
      write_env
      say "settings written to $env_file"
      ;;
    down)
      anvil_down
      pg_down
      rm -f "$env_file"
      ;;
    status) status ;;
    env) [ -f "$env_file" ] && cat "$env_file" || die "stack is not up (no $env_file)" ;;
    *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
}

main "$@"
