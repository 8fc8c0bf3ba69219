#!/usr/bin/env bash
# The README's run command: installs what the service needs, brings the local stack up (PostgreSQL,
# anvil) and keeps it running in the foreground. Ctrl-C (or SIGTERM) stops everything it started.
#
# Today it runs the stack only: the gRPC service, its migrations, the contract deployment and the demo
# arrive with the issues that build them, and this script will start them on 127.0.0.1:50051.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
say() { printf '[run] %s\n' "$*"; }

scripts/bootstrap.sh --run-only
waiter=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$waiter" ] && kill "$waiter" 2>/dev/null
  say "stopping the local stack"
  scripts/stack.sh down
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scripts/stack.sh up
scripts/contracts.sh build
set -a; . "${CS_STACK_DIR:-$repo/.stack}/stack.env"; set +a

cat <<MSG

CustodySettle local stack is up:
  PostgreSQL 15   127.0.0.1:$CS_PG_PORT  database $CS_PG_DATABASE  (psql "\$(scripts/stack.sh env | sed -n 's/^CS_PG_CONNECTION=//p')")
  anvil           $CS_ANVIL_URL  chain id 31337
  settings        .stack/stack.env

The CustodySettle gRPC service is not built yet: this command will start it on 127.0.0.1:50051
with demo data once it exists. Press Ctrl-C to stop the stack.
MSG
say "ready"
# Wait in the foreground; `wait` returns at once when a signal arrives, so Ctrl-C is handled promptly.
sleep infinity &
waiter=$!
wait "$waiter"
