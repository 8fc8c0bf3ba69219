#!/usr/bin/env bash
# The README's run command: installs what the service needs, brings the local stack up (PostgreSQL,
# anvil), builds and starts the CustodySettle gRPC service on 127.0.0.1:50051 (it applies the database
# migrations at start-up), and keeps it in the foreground. Ctrl-C (or SIGTERM) stops everything.
#
# The contracts are deployed to the stack's anvil on every run (a fresh set; addresses in
# .stack/deployment.json); the service mirrors custody balances on them and reconciles. Then the demo
# (`custodysettle demo`, docs/cli.md) plays the lifecycle on a fresh database: two desks, a custodian,
# positions on anvil, statement, mint, reconciliation, price drop, margin call, top-up, settlement and a
# settlement cycle; the service keeps running for you to explore. CS_DEMO=0 skips the demo and keeps
# the database as it was.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
say() { printf '[run] %s\n' "$*"; }

scripts/bootstrap.sh --run-only
waiter=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$waiter" ]; then
    kill "$waiter" 2>/dev/null
    wait "$waiter" 2>/dev/null
  fi
  say "stopping the local stack"
  scripts/stack.sh down
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scripts/stack.sh up
scripts/contracts.sh build
set -a; . "${CS_STACK_DIR:-$repo/.stack}/stack.env"; set +a
export CS_DEPLOYMENT_FILE="${CS_DEPLOYMENT_FILE:-${CS_STACK_DIR:-$repo/.stack}/deployment.json}"
# The custody tokens' minter: anvil's tenth dev account, whose key is public test knowledge (never a
# real key). An account of its own, not the deployer's: the demo sends as the deployer (prices, trades,
# settlements) while the service mints, and two senders of one key race for its nonces, a mint then
# replacing the demo's transaction in anvil's pool (docs/operations.md, "The minter key"). To use
# another, set CS_MINTER_KEY and CS_DEPLOY_MINTER (its address) together. With the key set, the service
# mirrors every custodian statement on chain and reconciles; CS_ANVIL_URL comes from the stack's settings.
export CS_DEPLOY_MINTER="${CS_DEPLOY_MINTER:-0xa0Ee7A142d267C1f36714E4a8F75612F20a79720}"
export CS_MINTER_KEY="${CS_MINTER_KEY:-0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6}"
say "deploying the contracts to $CS_ANVIL_URL"
scripts/contracts.sh deploy --rpc-url "$CS_ANVIL_URL" --out "$CS_DEPLOYMENT_FILE"

say "building the service and the CLI"
server_dir="${CS_STACK_DIR:-$repo/.stack}/server"
cli_dir="${CS_STACK_DIR:-$repo/.stack}/cli"
dotnet build "$repo/src/CustodySettle.Server/CustodySettle.Server.csproj" -c Release -nologo -clp:ErrorsOnly -o "$server_dir" >/dev/null
dotnet build "$repo/src/CustodySettle.Cli/CustodySettle.Cli.csproj" -c Release -nologo -clp:ErrorsOnly -o "$cli_dir" >/dev/null

demo="${CS_DEMO:-1}"
demo_keys="${CS_STACK_DIR:-$repo/.stack}/demo-keys"
if [ "$demo" != 0 ]; then
  # The contracts are new on every run, so the demo's books start new with them.
  say "a fresh database $CS_PG_DATABASE for the demo (CS_DEMO=0 keeps the existing one)"
  PGPASSWORD="$CS_PG_PASSWORD" "$CS_PG_BIN/dropdb" -h "$CS_PG_HOST" -p "$CS_PG_PORT" -U "$CS_PG_USER" --if-exists --force "$CS_PG_DATABASE"
  PGPASSWORD="$CS_PG_PASSWORD" "$CS_PG_BIN/createdb" -h "$CS_PG_HOST" -p "$CS_PG_PORT" -U "$CS_PG_USER" "$CS_PG_DATABASE"
  rm -rf "$demo_keys"
fi

listen="${CS_LISTEN:-http://127.0.0.1:50051}"
export CS_LISTEN="$listen"
# The first operator's key: made once per stack (csk_<32 hex key id>_<43 base64url>), kept beside the
# stack's other secrets, registered by the service at start-up. Operators issue every other key with it.
key_file="${CS_STACK_DIR:-$repo/.stack}/operator.key"
if [ ! -s "$key_file" ]; then
  ( umask 077; /usr/bin/python3 -c 'import uuid, secrets, base64; print("csk_" + uuid.uuid4().hex + "_" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("="))' > "$key_file" )
fi
export CS_OPERATOR_KEY="$(cat "$key_file")"
export CS_CONTRACTS_OUT="${CS_CONTRACTS_OUT:-$repo/contracts/out}"
# A local anvil mines only when sent a transaction and never reorgs: waiting 24 blocks (the default,
# for a real chain) would hold the mirror's confirmations and settlement cycles back indefinitely.
export CS_MIRROR_FINALITY_DEPTH="${CS_MIRROR_FINALITY_DEPTH:-1}"
# The service's logs go to a file while the demo plays (they would interleave with it), then follow.
server_log="${CS_STACK_DIR:-$repo/.stack}/server.log"
dotnet "$server_dir/CustodySettle.Server.dll" > "$server_log" 2>&1 &
waiter=$!

# Ready when the health service answers SERVING over real gRPC.
for _ in $(seq 1 100); do
  if /usr/bin/python3 "$repo/scripts/grpc_probe.py" "${listen#http://}" health >/dev/null 2>&1; then break; fi
  kill -0 "$waiter" 2>/dev/null || { say "the service exited during start-up:"; tail -40 "$server_log"; exit 1; }
  sleep 0.2
done

if [ "$demo" != 0 ]; then
  say "playing the demo"
  dotnet "$cli_dir/custodysettle.dll" --server "$listen" --key-file "$key_file" demo --keys-dir "$demo_keys" \
    || say "the demo stopped early (above); the service keeps running"
fi

cat <<MSG

CustodySettle is running:
  gRPC service    $listen  (HTTP/2 h2c; health and server reflection enabled)
  admin           ${CS_ADMIN_LISTEN:-http://127.0.0.1:9464}  (/metrics for Prometheus, /healthz)
  PostgreSQL 15   127.0.0.1:$CS_PG_PORT  database $CS_PG_DATABASE  (migrations applied)
  anvil           $CS_ANVIL_URL  chain id 31337
  contracts       $CS_DEPLOYMENT_FILE  (addresses; docs/contracts.md)
  settings        .stack/stack.env
  service logs    $server_log  (followed below)
  operator key    $key_file  (send as "authorization: Bearer <key>")

Try the CLI (docs/cli.md; the demo's keys are in $demo_keys):
  scripts/cli.sh --key-file $demo_keys/alpha.key desk status            # alpha's margin now
  scripts/cli.sh --key-file $demo_keys/alpha.key desk calls             # its calls
  scripts/cli.sh --key-file $demo_keys/alpha.key desk watch             # follow its call stream live
  scripts/cli.sh --key-file $demo_keys/vault.key custodian instructions # settlement instructions
  scripts/cli.sh --key-file $demo_keys/auditor.key auditor verify       # the journal's hash chain
  scripts/cli.sh --key-file $key_file --json operator desk list          # JSON for scripts

Or gRPC directly:
  /usr/bin/python3 scripts/grpc_probe.py ${listen#http://} health     # grpc.health.v1.Health/Check
  /usr/bin/python3 scripts/grpc_probe.py ${listen#http://} services   # server reflection: list services
  grpcurl -plaintext ${listen#http://} list                           # if you have grpcurl
  grpcurl -plaintext -H "authorization: Bearer \$(cat $key_file)" ${listen#http://} custodysettle.v1.AdminService/ListAssets

Press Ctrl-C to stop the service and the stack.
MSG
say "the service's logs follow"
say "ready"
tail -n 0 -f "$server_log" --pid "$waiter" &
wait "$waiter"
