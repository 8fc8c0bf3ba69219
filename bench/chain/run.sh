#!/usr/bin/env bash
# Chain benchmark (issue 4): reading 10,000 subaccounts from anvil with the batched reader against one
# eth_call per value, in the same run at the same block, and the log follower's throughput over
# 100,000 events decoded and persisted in PostgreSQL (method and numbers in docs/benchmarks.md,
# "Chain reads and log following").
#
#   bench/chain/run.sh [--accounts N] [--events N] [--repeats N] [--read-cases snapshot,four]
#                      [--follow-cases defaults,initial-range-1] [--seed-per-tx N] [--events-per-tx N]
#
# Quick check: bench/chain/run.sh --accounts 1000 --events 10000
#
# Steps: scripts/stack.sh up (PostgreSQL; the stack's own anvil is left alone); scripts/contracts.sh
# build (contracts/src and the bench helpers of contracts/test/bench); build bench/ChainBench in
# Release; start an anvil of our own on a free port (block gas limit 1e9 for seeding); deploy
# (scripts/contracts.sh deploy); ChainBench seed (not timed; the block gas limit goes back to 30M
# after it); ChainBench reads (measured); ChainBench emit (not timed); ChainBench follow (measured,
# in a fresh database of its own); print a summary; stop anvil.
#
# Env: CS_BENCH_ARTIFACTS dotnet --artifacts-path (/tmp/chainbench), CS_BENCH_SKIP_BUILD=1 to reuse the
#   last builds; before each measured step, and inside it before each timed run, wait up to
#   CS_BENCH_QUIET_WAIT seconds (300) for the machine to use less than CS_BENCH_QUIET_PCT % of a core
#   (15) (it is shared with other builds); each run records the CPU of the bench, anvil and the rest.
# Raw outputs: bench/chain/build/results/<UTC>/ (git-ignored).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="${CS_BENCH_ARTIFACTS:-/tmp/chainbench}"
anvil_bin="$repo/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
say() { printf '[chain-bench] %s\n' "$*"; }

accounts=10000 events=100000 repeats=3 read_cases="snapshot,four" follow_cases="defaults,initial-range-1"
seed_per_tx=400 events_per_tx=1000
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { say "$1 needs a value"; exit 2; }
  case "$1" in
    --accounts) accounts="$2" ;;
    --events) events="$2" ;;
    --repeats) repeats="$2" ;;
    --read-cases) read_cases="$2" ;;
    --follow-cases) follow_cases="$2" ;;
    --seed-per-tx) seed_per_tx="$2" ;;
    --events-per-tx) events_per_tx="$2" ;;
    *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
  shift 2
done

"$repo/scripts/stack.sh" up >/dev/null
# shellcheck disable=SC1091
source "$repo/.stack/stack.env"

out="$here/build/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

anvil_pid=""
# anvil spills block states to $HOME/.foundry/anvil/tmp and never removes them: a HOME of its own,
# removed on exit.
anvil_home="$(mktemp -d -t cs-chainbench-anvil-XXXXXX)"
cleanup() {
  if [ -n "$anvil_pid" ]; then kill -TERM "$anvil_pid" 2>/dev/null || true; wait "$anvil_pid" 2>/dev/null || true; fi
  rm -rf "$anvil_home"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=../lib/quiet.sh
. "$here/../lib/quiet.sh"

{ echo "date: $(date -u +%FT%TZ)"; echo "cpus: $(nproc), $(lscpu | sed -n 's/^Model name: *//p')"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "anvil: $("$anvil_bin" --version | head -1)"
  echo "postgres: $("$CS_PG_BIN/postgres" --version)"
  echo "dotnet: $(dotnet --version)"
  echo "settings: accounts=$accounts events=$events repeats=$repeats read_cases=$read_cases follow_cases=$follow_cases seed_per_tx=$seed_per_tx events_per_tx=$events_per_tx"
} > "$out/machine.txt"

if [ "${CS_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building contracts and bench/ChainBench (Release, artifacts in $artifacts)"
  "$repo/scripts/contracts.sh" build > "$out/build.txt" 2>&1 || { tail -30 "$out/build.txt"; exit 1; }
  dotnet build "$repo/bench/ChainBench" -c Release --artifacts-path "$artifacts" >> "$out/build.txt" 2>&1 \
    || { tail -30 "$out/build.txt"; exit 1; }
fi
dll="$artifacts/bin/ChainBench/release/ChainBench.dll"
[ -f "$dll" ] || { say "no $dll"; exit 1; }

# --- our own anvil: a free port, quiet (no per-request log lines), a block gas limit for seeding ----
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
rpc="http://127.0.0.1:$port"
anvil_cmd=("$anvil_bin" --host 127.0.0.1 --port "$port" --chain-id 31337 --gas-limit 1000000000 --quiet)
echo "${anvil_cmd[*]}" > "$out/anvil-command.txt"
HOME="$anvil_home" "${anvil_cmd[@]}" > "$out/anvil.log" 2>&1 &
anvil_pid=$!
for _ in $(seq 100); do
  curl -sf -m 2 -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$rpc" >/dev/null && break
  kill -0 "$anvil_pid" 2>/dev/null || { say "anvil exited"; cat "$out/anvil.log"; exit 1; }
  sleep 0.2
done
say "anvil on $rpc (pid $anvil_pid)"

"$repo/scripts/contracts.sh" deploy --rpc-url "$rpc" --out "$out/deployment.json" > "$out/deploy.txt" 2>&1 \
  || { cat "$out/deploy.txt"; exit 1; }
common=(--rpc-url "$rpc" --deployment "$out/deployment.json" --contracts-out "$repo/contracts/out" --anvil-pid "$anvil_pid"
  --quiet-pct "$quiet_pct" --quiet-wait "$quiet_wait")
bench() { local step="$1"; shift; echo "dotnet $dll $step ${common[*]} $*" >> "$out/commands.txt"; dotnet "$dll" "$step" "${common[@]}" "$@"; }

say "seeding $accounts subaccounts ($seed_per_tx per transaction; not timed)"
bench seed --accounts "$accounts" --per-transaction "$seed_per_tx" --accounts-file "$out/accounts.tsv" | tee "$out/seed.txt"

say "reads: batched reader vs one eth_call per value ($read_cases, $repeats repeats each)"
wait_quiet reads; snapshot reads
bench reads --accounts-file "$out/accounts.tsv" --repeats "$repeats" --cases "$read_cases" | tee "$out/reads.txt"
snapshot after-reads

say "emitting $events events ($events_per_tx per transaction; not timed)"
bench emit --events "$events" --per-transaction "$events_per_tx" | tee "$out/emit.txt"
emitter="$(sed -n 's/.* emitter=\(0x[0-9a-fA-F]*\).*/\1/p' "$out/emit.txt")"

say "follow: log follower from block 0 to the head ($follow_cases)"
wait_quiet follow; snapshot follow
bench follow --emitter "$emitter" --events "$events" --cases "$follow_cases" --repeats "$repeats" --connection "$CS_PG_CONNECTION" \
  | tee "$out/follow.txt"
snapshot after-follow

echo
cat "$out/machine.txt"
echo
python3 - "$out" "$quiet_pct" <<'PY' | tee "$out/summary.txt"
import sys, os
out, quiet = sys.argv[1], float(sys.argv[2])
def rows(name, prefix):
    for line in open(os.path.join(out, name)):
        if line.startswith(prefix + " "):
            yield dict(kv.split("=", 1) for kv in line.split()[1:])
seed = next(rows("seed.txt", "seed"))
print(f"seeding: {seed['accounts']} subaccounts in {seed['transactions']} transactions, {seed['seconds']} s "
      f"({int(seed['gas_per_account']):,} gas per subaccount; not timed)")
checks = {c["case"]: c for c in rows("reads.txt", "check")}
print()
print(f"{'case':<9} {'path':<13} {'values':>7} {'median s':>9} {'min-max s':>14} {'round trips':>12} {'values/s':>9} {'noisy runs':>11}")
for r in rows("reads.txt", "result"):
    print(f"{r['case']:<9} {r['path']:<13} {r['values']:>7} {float(r['median_s']):>9.3f} {r['min_s'] + '-' + r['max_s']:>14} "
          f"{r['round_trips']:>12} {int(r['values_per_s']):>9,} {r['noisy_runs'] + '/' + r['runs']:>11}")
met = True
for r in rows("reads.txt", "ratio"):
    met &= r["met"] == "yes"
    print(f"{r['case']}: per-call / batched = x{r['per_call_over_batched']} (raw per-call floor / batched = x{r['raw_per_call_over_batched']}; "
          f"target x{r['target']}: {'met' if r['met'] == 'yes' else 'NOT met'}); identical on all paths: {checks[r['case']]['identical']}; "
          f"values: {checks[r['case']]['values']}")
print()
emit = next(rows("emit.txt", "emit"))
print(f"events: {emit['events']} in {emit['transactions']} transactions (blocks {emit['first_block']}-{emit['last_block']}), {emit['seconds']} s to emit (not timed)")
fchecks = list(rows("follow.txt", "check"))
print(f"{'follow run':<18} {'logs':>7} {'rows':>7} {'seconds':>8} {'logs/s':>8} {'getLogs':>8} {'round trips':>12} {'ranges':>7} {'CPU % bench/anvil/pg+other':>27}")
for f in rows("follow.txt", "follow"):
    if f["case"] == "warmup":
        continue
    print(f"{f['case'] + ' #' + f['repeat']:<18} {f['logs']:>7} {f['rows']:>7} {float(f['seconds']):>8.3f} {int(f['logs_per_s']):>8,} {f['get_logs']:>8} "
          f"{f['round_trips']:>12} {f['ranges']:>7} {f['cpu_bench_pct'] + '/' + f['cpu_anvil_pct'] + '/' + f['cpu_postgres_and_other_pct']:>27}")
for r in rows("follow.txt", "result"):
    print(f"{r['case']}: median {float(r['median_s']):.3f} s ({r['min_s']}-{r['max_s']}) = {int(r['logs_per_s']):,} logs/s decoded and persisted, "
          f"{r['get_logs']} getLogs, {r['round_trips']} round trips")
print(f"follower tables: every run holds exactly {emit['events']} correct rows: {'yes' if fchecks and all(c['ok'] == 'yes' for c in fchecks) else 'NO'}")
print(f"reads target (every case batched >= 20x per-call): {'met' if met else 'NOT met'}")
PY
echo; say "raw outputs: $out"
