#!/usr/bin/env bash
# Ledger benchmark: our writer (bench/LedgerBench) against pgbench's default TPC-B script on the same
# PostgreSQL cluster, in the same run (issue 5; method and numbers in docs/benchmarks.md,
# "Ledger vs pgbench TPC-B").
#
#   bench/ledger/run.sh [LedgerBench options...]
#
# Steps: scripts/stack.sh up (the local cluster; nothing else is started); build bench/LedgerBench in
# Release; pgbench -i -s 10 on a database of its own, CHECKPOINT, pgbench -c 16 -j 2 -T 30; then
# CHECKPOINT and LedgerBench (a fresh database of its own: 10,000 accounts, 64 writers, uniform and
# hot-account cases, each with 1 and with 16 transfers per call); print both, the ratios, and a
# verdict against the 10x target. Both talk TCP to 127.0.0.1 (the stack's CS_PG_CONNECTION), so they
# pay the same transport.
#
# Env: CS_BENCH_ARTIFACTS dotnet --artifacts-path (/tmp/artifacts-ledger-bench), CS_BENCH_PGBENCH_T
#   pgbench seconds (30), CS_BENCH_SKIP_BUILD=1 to reuse the last Release build; before each measured
#   step, wait up to CS_BENCH_QUIET_WAIT seconds (300) for the machine to use less than
#   CS_BENCH_QUIET_PCT % of a core (15) (it is shared with other builds). Extra arguments go
#   to LedgerBench (e.g. --seconds 30 --warmup 10 --writers 64 --accounts 10000 --max-batch N
#   --per-call 1,16).
# Raw outputs: bench/ledger/build/results/<UTC>/ (git-ignored).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="${CS_BENCH_ARTIFACTS:-/tmp/artifacts-ledger-bench}"
pgbench_t="${CS_BENCH_PGBENCH_T:-30}"
pgbench_db="ledger_bench_pgbench"
say() { printf '[ledger-bench] %s\n' "$*"; }

"$repo/scripts/stack.sh" up >/dev/null
# shellcheck disable=SC1091
source "$repo/.stack/stack.env"
export PGPASSWORD="$CS_PG_PASSWORD"
pg=(-h 127.0.0.1 -p "$CS_PG_PORT" -U "$CS_PG_USER")
psql() { "$CS_PG_BIN/psql" "${pg[@]}" -X -v ON_ERROR_STOP=1 -Atq "$@"; }

out="$here/build/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

bench_pid=""
cleanup() {
  if [ -n "$bench_pid" ]; then kill -TERM "$bench_pid" 2>/dev/null || true; wait "$bench_pid" 2>/dev/null || true; fi
  psql -d postgres -c "DROP DATABASE IF EXISTS $pgbench_db WITH (FORCE)" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=../lib/quiet.sh
. "$here/../lib/quiet.sh"

# The whole machine's CPU during each step (% of one core; 200 = both
# cores busy): shows whether a side was CPU-bound, and whether anything else ran beside it.
cpu_mark=0; cpu_t0=0
cpu_start() { cpu_mark="$(machine_ticks)"; cpu_t0="$(date +%s.%N)"; }
cpu_stop() {
  local pct
  pct="$(awk -v b="$(machine_ticks)" -v a="$cpu_mark" -v t1="$(date +%s.%N)" -v t0="$cpu_t0" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.0f", (b - a) / hz / (t1 - t0) * 100 }')"
  echo "machine CPU during $1: ${pct}% of one core (of $(( $(nproc) * 100 ))%)" | tee -a "$out/machine.txt"
}

{ echo "date: $(date -u +%FT%TZ)"; echo "cpus: $(nproc), $(lscpu | sed -n 's/^Model name: *//p')"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "postgres: $(psql -d postgres -c 'SELECT version()')"
  echo "dotnet: $(dotnet --version)"
  psql -d postgres -c "SELECT name || '=' || setting FROM pg_settings WHERE name IN
    ('fsync','synchronous_commit','wal_sync_method','full_page_writes','shared_buffers','max_wal_size',
     'checkpoint_timeout','commit_delay','max_connections','wal_buffers') ORDER BY name"
} > "$out/machine.txt"
[ "$(psql -d postgres -c 'SHOW fsync')" = on ] && [ "$(psql -d postgres -c 'SHOW synchronous_commit')" = on ] \
  || { say "fsync and synchronous_commit must be on"; cat "$out/machine.txt"; exit 1; }

if [ "${CS_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building bench/LedgerBench (Release, artifacts in $artifacts)"
  dotnet build "$repo/bench/LedgerBench" -c Release --artifacts-path "$artifacts" > "$out/build.txt" 2>&1 \
    || { tail -30 "$out/build.txt"; exit 1; }
fi
dll="$artifacts/bin/LedgerBench/release/LedgerBench.dll"
[ -f "$dll" ] || { say "no $dll"; exit 1; }

# --- pgbench: its default TPC-B-like script, 16 clients, scale 10 --------------------------------
psql -d postgres -c "DROP DATABASE IF EXISTS $pgbench_db WITH (FORCE)"
psql -d postgres -c "CREATE DATABASE $pgbench_db"
say "pgbench -i -s 10"
"$CS_PG_BIN/pgbench" "${pg[@]}" -i -s 10 -q "$pgbench_db" > "$out/pgbench-init.txt" 2>&1
psql -d "$pgbench_db" -c CHECKPOINT
pgbench_cmd=("$CS_PG_BIN/pgbench" "${pg[@]}" -c 16 -j 2 -T "$pgbench_t" "$pgbench_db")
echo "${pgbench_cmd[*]}" > "$out/pgbench-command.txt"
say "${pgbench_cmd[*]}"
wait_quiet pgbench
snapshot pgbench
cpu_start
"${pgbench_cmd[@]}" > "$out/pgbench.txt" 2>&1
cpu_stop "pgbench -T $pgbench_t"
snapshot after-pgbench
psql -d postgres -c "DROP DATABASE IF EXISTS $pgbench_db WITH (FORCE)"
pgbench_tps="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$out/pgbench.txt")"
[ -n "$pgbench_tps" ] || { say "cannot read pgbench's tps"; cat "$out/pgbench.txt"; exit 1; }
say "pgbench TPC-B: $pgbench_tps tps"

# --- ours -------------------------------------------------------------------------------------
psql -d postgres -c CHECKPOINT
ours_cmd=(dotnet "$dll" --connection "$CS_PG_CONNECTION" "$@")
echo "dotnet $dll --connection \"\$CS_PG_CONNECTION\" $*" > "$out/ledger-command.txt"
say "LedgerBench $*"
wait_quiet ledger
snapshot ledger
"${ours_cmd[@]}" > "$out/ledger.txt" 2>&1 &
bench_pid=$!
rc=0; wait "$bench_pid" || rc=$?
bench_pid=""
snapshot after-ledger
[ "$rc" = 0 ] || { say "LedgerBench failed (exit $rc)"; tail -40 "$out/ledger.txt"; exit 1; }

echo
cat "$out/machine.txt"
echo
grep -E '^(settings|database|check) ' "$out/ledger.txt" || true
echo
sed -n '/^transaction type/,$p' "$out/pgbench.txt"
echo
python3 - "$pgbench_tps" "$out/ledger.txt" <<'PY' | tee "$out/summary.txt"
import sys
pgbench = float(sys.argv[1])
rows = []
for line in open(sys.argv[2]):
    if line.startswith("result "):
        rows.append(dict(kv.split("=", 1) for kv in line.split()[1:]))
# CPU: % of one core during the measured window, LedgerBench's process / everything else (PostgreSQL).
print(f"{'case':<22} {'tps':>10} {'p50 ms':>8} {'p99 ms':>8} {'failed':>7} {'x pgbench':>10} {'cpu bench/pg %':>15}")
print(f"{'pgbench TPC-B (16 cl)':<22} {pgbench:>10.0f} {'':>8} {'':>8} {'':>7} {'':>10}")
met = bool(rows)
for r in rows:
    ratio = float(r["tps"]) / pgbench
    met &= ratio >= 10 and r["failed"] == "0"
    print(f"{'ledger ' + r['case'] + ' x' + r['per_call']:<22} {float(r['tps']):>10.0f} {float(r['p50_ms']):>8.2f} {float(r['p99_ms']):>8.2f} "
          f"{r['failed']:>7} {'x%.2f' % ratio:>10} {r['cpu_bench_pct'] + '/' + r['cpu_postgres_and_rest_pct']:>15}")
print(f"target (every case >= 10x pgbench, 0 failed): {'met' if met else 'NOT met'}")
PY
echo; say "raw outputs: $out"
