#!/usr/bin/env bash
# Margin calls at scale (issue 7, "Performance"; docs/benchmarks.md, "Margin calls at scale"):
#   bench/margin/run.sh [--desks 1000] [--moves 1000] [--step-usd 1]
# Starts an anvil of its own, deploys, seeds twice --desks subaccounts with BenchSeeder (half long),
# makes the longs desks of an in-process CustodySettle on a fresh database of the stack's PostgreSQL,
# then moves the BTC price down --moves times, each move calling exactly one desk, and reports the
# latency from the price block to the call on WatchMarginCalls and the margin pass time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="${CS_BENCH_ARTIFACTS:-/tmp/marginbench}"
anvil_bin="$repo/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
say() { printf '[margin-bench] %s\n' "$*"; }

desks=1000 moves=1000 step=1
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { say "$1 needs a value"; exit 2; }
  case "$1" in
    --desks) desks="$2" ;;
    --moves) moves="$2" ;;
    --step-usd) step="$2" ;;
    *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
  shift 2
done
[ "$moves" -le "$desks" ] || { say "--moves must not exceed --desks: each move calls a desk of its own"; exit 2; }

"$repo/scripts/stack.sh" up >/dev/null
source "$repo/.stack/stack.env"
out="$here/build/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

anvil_pid=""
anvil_home="$(mktemp -d -t cs-marginbench-anvil-XXXXXX)"
cleanup() {
  if [ -n "$anvil_pid" ]; then kill -TERM "$anvil_pid" 2>/dev/null || true; wait "$anvil_pid" 2>/dev/null || true; fi
  rm -rf "$anvil_home"   # this run's anvil state spill (see below)
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

{ echo "date: $(date -u +%FT%TZ)"; echo "cpus: $(nproc), $(lscpu | sed -n 's/^Model name: *//p')"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "anvil: $("$anvil_bin" --version | head -1)"; echo "postgres: $("$CS_PG_BIN/postgres" --version)"; echo "dotnet: $(dotnet --version)"
  echo "commit: $(git -C "$repo" rev-parse --short HEAD)"
} > "$out/machine.txt"

say "building contracts, bench/ChainBench and bench/MarginBench (Release, artifacts in $artifacts)"
"$repo/scripts/contracts.sh" build > "$out/build.txt" 2>&1 || { tail -30 "$out/build.txt"; exit 1; }
for project in ChainBench MarginBench; do
  dotnet build "$repo/bench/$project" -c Release --artifacts-path "$artifacts" >> "$out/build.txt" 2>&1 || { tail -30 "$out/build.txt"; exit 1; }
done
chainbench="$artifacts/bin/ChainBench/release/ChainBench.dll"
marginbench="$artifacts/bin/MarginBench/release/CustodySettle.Benchmarks.dll"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
rpc="http://127.0.0.1:$port"
# anvil writes every block's state that leaves its memory to $HOME/.foundry/anvil/tmp, unbounded and not
# removed when it stops: ~30 MB a block with 2,000 funded subaccounts. With a block per mirror mint a
# 1,000-desk run wrote 76 GB and filled the disk, so MarginBench has anvil mine a block a second while
# the mirror mints (--prune-history instead drops the transactions the mirror confirms its mints by).
# This anvil's HOME is a folder of its own, removed when the script exits, so its spill goes there.
HOME="$anvil_home" "$anvil_bin" --host 127.0.0.1 --port "$port" --chain-id 31337 --gas-limit 1000000000 --quiet > "$out/anvil.log" 2>&1 &
anvil_pid=$!
for _ in $(seq 100); do
  curl -sf -m 2 -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$rpc" >/dev/null && break
  kill -0 "$anvil_pid" 2>/dev/null || { say "anvil exited"; cat "$out/anvil.log"; exit 1; }
  sleep 0.2
done
# MINTER_ROLE to anvil's dev account 9, whose key MarginBench gives the service (BenchChain.MinterKey):
# the bench sends as the owner, account 0, while the mirror mints.
"$repo/scripts/contracts.sh" deploy --rpc-url "$rpc" --out "$out/deployment.json" --minter 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720 \
  > "$out/deploy.txt" 2>&1 || { cat "$out/deploy.txt"; exit 1; }

say "seeding $((2 * desks)) subaccounts (not timed)"
dotnet "$chainbench" seed --rpc-url "$rpc" --deployment "$out/deployment.json" --contracts-out "$repo/contracts/out" \
  --accounts $((2 * desks)) --per-transaction 400 --accounts-file "$out/accounts.tsv" | tee "$out/seed.txt"

say "$desks desks, $moves price moves"
cmd=(dotnet "$marginbench" --rpc-url "$rpc" --deployment "$out/deployment.json" --contracts-out "$repo/contracts/out"
  --accounts-file "$out/accounts.tsv" --pg "$CS_PG_CONNECTION" --desks "$desks" --moves "$moves" --step-usd "$step" --out "$out")
echo "${cmd[*]}" | sed 's/Password=[^;]*/Password=***/' > "$out/commands.txt"
"${cmd[@]}"
say "results in $out"
