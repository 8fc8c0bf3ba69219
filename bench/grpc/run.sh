#!/usr/bin/env bash
# gRPC transport benchmark: our server vs a C++ grpc++ reference, same machine, same run, identical
# h2load command (see docs/benchmarks.md for the method and the numbers).
#
#   bench/grpc/run.sh [--ours '<command with {port}>'] [--ref-mode sync|callback]
#
# --ours (or env CS_BENCH_OURS): how to start our server; {port} becomes a free loopback port,
#   where it must serve custodysettle.testing.v1.Echo/Unary over h2c (cleartext HTTP/2, prior
#   knowledge). Pass a prebuilt server, not `dotnet run`, so that no build runs beside the load.
#   Without it only the reference is measured. To try the whole script before our server exists,
#   pass the reference itself (an A/A run):  --ours 'bench/grpc/build/echo_server {port} callback'
#
# Tunables (env): CS_BENCH_N requests per measured run (1000000), CS_BENCH_C connections (8),
#   CS_BENCH_M concurrent streams per connection (32), CS_BENCH_T h2load threads (1),
#   CS_BENCH_WARMUP_N warm-up requests, not measured (50000), CS_BENCH_PIN 1 = server on CPU 0 and
#   h2load on CPU 1, 0 = unpinned (1), CS_BENCH_REF_MODE sync|callback (callback),
#   CS_BENCH_START_TIMEOUT seconds to wait for a server to accept (120); before each measured run,
#   wait up to CS_BENCH_QUIET_WAIT seconds (600) for other load below CS_BENCH_QUIET_PCT % of a
#   core (15). CS_BENCH_GRPC_CHECK=0 skips the grpcio check for a server under test that is no gRPC
#   server (bench/KestrelFloor, which echoes the request bytes); the nghttp check still runs.
# Raw outputs: bench/grpc/build/results/<timestamp>/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="$here/build"
proto_root="$repo/tests/interop/protos"
proto_rel="custodysettle/testing/v1/echo.proto"
path="/custodysettle.testing.v1.Echo/Unary"
# Debian's python has python3-grpcio; the first python3 on PATH may be another one without it.
py=/usr/bin/python3

ours="${CS_BENCH_OURS:-}"
ref_mode="${CS_BENCH_REF_MODE:-callback}"
while [ $# -gt 0 ]; do
  case "$1" in
    --ours) ours="${2:?--ours needs a command}"; shift 2 ;;
    --ref-mode) ref_mode="${2:?--ref-mode needs sync or callback}"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
n="${CS_BENCH_N:-1000000}"; c="${CS_BENCH_C:-8}"; m="${CS_BENCH_M:-32}"; t="${CS_BENCH_T:-1}"
warmup_n="${CS_BENCH_WARMUP_N:-50000}"; pin="${CS_BENCH_PIN:-1}"
start_timeout="${CS_BENCH_START_TIMEOUT:-120}"
quiet_pct="${CS_BENCH_QUIET_PCT:-15}"; quiet_wait="${CS_BENCH_QUIET_WAIT:-600}"
case "$ref_mode" in
  sync|callback) ;;
  *) echo "--ref-mode must be sync or callback" >&2; exit 2 ;;
esac
if [ "$pin" = 1 ] && [ "$(nproc)" -lt 2 ]; then
  echo "pinning needs 2 CPUs; set CS_BENCH_PIN=0" >&2; exit 2
fi

say() { printf '[bench] %s\n' "$*"; }

# --- Debian packages --------------------------------------------------------------------------
# libprotobuf-dev is not pulled in by libgrpc++-dev but holds the protobuf headers and protobuf.pc.
packages=(libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc protobuf-compiler pkg-config g++
  nghttp2-client python3-grpcio)
. "$repo/scripts/lib/debian-packages.sh"
ensure_debian_packages bench "${packages[@]}"

# --- Build the reference (protoc + grpc_cpp_plugin + g++), only when its inputs changed ----------
gen="$build/gen"; bin="$build/echo_server"
mkdir -p "$gen" "$build/py"
if [ ! -x "$bin" ] || [ "$here/reference/echo_server.cc" -nt "$bin" ] \
   || [ "$proto_root/$proto_rel" -nt "$bin" ]; then
  say "building the C++ reference (grpc++ $(pkg-config --modversion grpc++))"
  protoc -I "$proto_root" --cpp_out="$gen" --grpc_out="$gen" \
    --plugin=protoc-gen-grpc="$(command -v grpc_cpp_plugin)" "$proto_rel"
  # shellcheck disable=SC2046  # pkg-config output must split into flags
  g++ -std=c++17 -O2 -DNDEBUG -I"$gen" "$here/reference/echo_server.cc" \
    "$gen/custodysettle/testing/v1/echo.pb.cc" "$gen/custodysettle/testing/v1/echo.grpc.pb.cc" \
    $(pkg-config --cflags --libs grpc++ protobuf) -o "$bin.tmp"
  mv "$bin.tmp" "$bin"
fi
# Python message classes for the real-client check below.
protoc -I "$proto_root" --python_out="$build/py" "$proto_rel"

# --- The request body: one gRPC length-prefixed message ---------------------------------------
# Flag 0 (uncompressed), 4-byte big-endian length, then EchoRequest{message: "hello"}.
body="$build/body.bin"
printf 'message: "hello"' | protoc -I "$proto_root" \
  --encode=custodysettle.testing.v1.EchoRequest "$proto_rel" > "$build/request.pb"
len=$(stat -c %s "$build/request.pb")
byte() { printf "\\$(printf %03o "$1")"; }
{
  byte 0
  for shift in 24 16 8 0; do byte $((len >> shift & 255)); done
  cat "$build/request.pb"
} > "$body"
# Field 1 (tag 0x0a), length 5, "hello", behind the 5-byte prefix: checked byte for byte.
expected="00 00 00 00 07 0a 05 68 65 6c 6c 6f"
actual="$(od -An -tx1 -v "$body" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')"
[ "$actual" = "$expected" ] || { say "body.bin is '$actual', expected '$expected'"; exit 1; }

# --- Processes: each server runs in its own session/process group, stopped on any exit; h2load
# runs in the background and is waited for, so that a signal reaches the traps at once. ---------
server_pid=""; load_pid=""
stop_load() {
  [ -n "$load_pid" ] || return 0
  kill -TERM "$load_pid" 2>/dev/null || true
  wait "$load_pid" 2>/dev/null || true
  load_pid=""
}
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM -- "-$server_pid" 2>/dev/null || kill -TERM "$server_pid" 2>/dev/null || true
  # Wait (5 s at most) for the whole group, not just its leader: a wrapper may exit first.
  for _ in $(seq 50); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap 'stop_load; stop_server' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

server_cpu=""
[ "$pin" != 1 ] || server_cpu="taskset -c 0"

free_port() {
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# CPU ticks (user+system, including reaped children) of every process in process group $1.
group_ticks() {
  # Fields after "comm) ": state ppid pgrp ... utime(12) stime(13) cutime(14) cstime(15).
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | sed 's/^.*) //' \
    | awk -v g="$1" '$3 == g { s += $12 + $13 + $14 + $15 } END { print s + 0 }'
}
# Busy CPU ticks of the whole machine (user nice system irq softirq steal), to see other load.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# The machine is shared (builds run beside us): before each measured run, wait until the rest of
# the machine uses less than quiet_pct of a core over 3 s, for quiet_wait seconds at most. The idle
# server's own CPU (a JIT finishing its work, say) does not count.
wait_quiet() {
  local deadline=$((SECONDS + quiet_wait)) hz b0 s0 busy; hz="$(getconf CLK_TCK)"
  while :; do
    b0="$(machine_ticks)"; s0="$(group_ticks "$server_pid")"; sleep 3
    busy=$(( ($(machine_ticks) - b0 - $(group_ticks "$server_pid") + s0) * 100 / (3 * hz) ))
    [ "$busy" -ge "$quiet_pct" ] || return 0
    if [ $SECONDS -ge $deadline ]; then
      say "machine still busy (${busy}% of a core); measuring anyway"; return 0
    fi
    say "machine busy (${busy}% of a core besides us); waiting"
  done
}

# start_server NAME COMMAND: runs COMMAND (with {port} substituted) and waits until it accepts.
start_server() {
  local name="$1" cmd="$2"
  port="$(free_port)"
  cmd="${cmd//\{port\}/$port}"
  say "$name: $cmd  (port $port${server_cpu:+, CPU 0})"
  # setsid: its own process group, so that stop_server also stops children (e.g. a wrapper script).
  # shellcheck disable=SC2086
  setsid $server_cpu bash -c "exec $cmd" > "$out/$name.server.log" 2>&1 &
  server_pid=$!
  local deadline=$((SECONDS + start_timeout))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { say "$name exited; see $out/$name.server.log"; exit 1; }
    [ $SECONDS -lt $deadline ] || { say "$name did not accept within ${start_timeout}s"; exit 1; }
    sleep 0.2
  done
}

# Real-client check: h2load only sees HTTP status 200, which gRPC also sends for failed calls.
grpc_check() {
  local name="$1" when="$2"
  if [ "$name" = ours ] && [ "${CS_BENCH_GRPC_CHECK:-1}" = 0 ]; then
    echo "skipped (CS_BENCH_GRPC_CHECK=0)" > "$out/$name.grpc-check-$when.txt"; return 0
  fi
  PYTHONPATH="$build/py" "$py" - "$port" > "$out/$name.grpc-check-$when.txt" 2>&1 <<'EOF' || {
import sys, grpc
from custodysettle.testing.v1 import echo_pb2 as pb
with grpc.insecure_channel(f"127.0.0.1:{sys.argv[1]}") as ch:
    unary = ch.unary_unary("/custodysettle.testing.v1.Echo/Unary",
                           request_serializer=pb.EchoRequest.SerializeToString,
                           response_deserializer=pb.EchoReply.FromString)
    reply = unary(pb.EchoRequest(message="hello", payload=b"\x00\x01\xff"), timeout=10)
    assert (reply.message, reply.payload) == ("hello", b"\x00\x01\xff"), reply
    print("grpcio Unary ok:", reply.message, reply.payload.hex())
EOF
    say "$name: grpcio check failed ($when load):"; cat "$out/$name.grpc-check-$when.txt"; exit 1; }
  # The exact request h2load sends (same headers, same body.bin) must end with grpc-status 0.
  nghttp -v -H 'content-type: application/grpc' -H 'te: trailers' -d "$body" \
    "http://127.0.0.1:$port$path" > "$out/$name.nghttp-check-$when.txt" 2>&1 || true
  grep -aq 'grpc-status: 0$' "$out/$name.nghttp-check-$when.txt" || {
    say "$name: the h2load request did not end with grpc-status 0 ($when load):"
    cat "$out/$name.nghttp-check-$when.txt"
    exit 1; }
}

# load N [LOG] > OUTPUT: the one load command, identical for both servers but for the port.
load() {
  local args=(h2load -n "$1" -c "$c" -m "$m" -t "$t" -H 'content-type: application/grpc'
    -H 'te: trailers' -d "$body" ${2:+--log-file "$2"} "http://127.0.0.1:$port$path")
  [ "$pin" != 1 ] || args=(taskset -c 1 "${args[@]}")
  if [ -n "${show:-}" ]; then  # print it instead, quoted as a shell would need it
    local a
    for a in "${args[@]}"; do
      if [[ $a == *' '* ]]; then printf "'%s' " "$a"; else printf '%s ' "$a"; fi
    done
    echo; return
  fi
  "${args[@]}" & load_pid=$!
  local rc=0; wait "$load_pid" || rc=$?
  load_pid=""; return "$rc"
}

# bench NAME COMMAND: start, check, warm up, measure, check again, stop; appends to summary.tsv.
bench() {
  local name="$1"
  start_server "$name" "$2"
  grpc_check "$name" before
  load "$warmup_n" > "$out/$name.warmup.txt" 2>&1
  show=1 load "$n" "$out/$name.requests.tsv" > "$out/$name.command.txt"
  say "$name: $(cat "$out/$name.command.txt")"
  wait_quiet
  local t0 b0; t0="$(group_ticks "$server_pid")"; b0="$(machine_ticks)"
  # bash's time reports the CPU of the children it reaped meanwhile: h2load.
  local TIMEFORMAT='%U %S %R'
  { time load "$n" "$out/$name.requests.tsv" > "$out/$name.h2load.txt" 2>&1; } \
    2> "$out/$name.h2load-time.txt" || true
  local t1 b1; t1="$(group_ticks "$server_pid")"; b1="$(machine_ticks)"
  grpc_check "$name" after
  stop_server
  "$py" - "$name" "$out" "$n" "$t0" "$t1" "$b0" "$b1" "$(getconf CLK_TCK)" \
    >> "$out/summary.tsv" <<'EOF'
import re, sys
name, out = sys.argv[1:3]
n, t0, t1, b0, b1, hz = map(int, sys.argv[3:])
text = open(f"{out}/{name}.h2load.txt").read()
m = re.search(r"finished in ([\d.]+)(m?s), ([\d.]+) req/s", text)
r = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, "
              r"(\d+) errored, (\d+) timeout", text)
if not m or not r:
    sys.exit(f"{name}: cannot parse h2load output:\n{text}")
secs = float(m.group(1)) / (1000 if m.group(2) == "ms" else 1)
total, _, done, ok, failed, errored, timeout = map(int, r.groups())
# --log-file rows: start (us since epoch), HTTP status (-1 = failed stream), us to end of response.
lat, bad = [], 0
for line in open(f"{out}/{name}.requests.tsv"):
    cols = line.split("\t")
    if cols[1] != "200":
        bad += 1
    lat.append(int(cols[2]))
lat.sort()
pct = lambda p: lat[max(0, -(-len(lat) * p // 100) - 1)] / 1000  # nearest rank, ms
user, system, wall = map(float, open(f"{out}/{name}.h2load-time.txt").read().split())
server_s, load_s, busy_s = (t1 - t0) / hz, user + system, (b1 - b0) / hz
not_ok = failed + errored + timeout + (total - ok) + bad + (n - len(lat))
# CPU columns are % of one core over the measured run; "other" is everything else on the machine
# (another build, say), which makes that run's numbers suspect. The server's CPU time per call
# compares efficiency even when h2load, not the server, is what limits req/s.
other_s = max(0, busy_s - server_s - load_s)
print("\t".join([name, m.group(3), f"{pct(50):.3f}", f"{pct(99):.3f}", str(not_ok),
                 *(f"{v / secs * 100:.0f}" for v in (server_s, load_s, other_s)),
                 f"{server_s / n * 1e6:.1f}"]))
EOF
}

out="$build/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{ echo "date: $(date -u +%FT%TZ)"; echo "cpus: $(nproc), $(lscpu | sed -n 's/^Model name: *//p')"
  echo "grpc++: $(pkg-config --modversion grpc++), h2load: $(h2load --version | head -1)"
  echo "reference mode: $ref_mode, pinned: $pin, n=$n c=$c m=$m t=$t warmup=$warmup_n"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$out/machine.txt"
printf '%s\t' server req/s 'p50 ms' 'p99 ms' failed 'server CPU %' 'h2load CPU %' 'other CPU %' \
  > "$out/summary.tsv"
echo 'server CPU us/call' >> "$out/summary.tsv"

bench reference "$bin {port} $ref_mode"
if [ -n "$ours" ]; then
  bench ours "$ours"
else
  say "no --ours given: measured the reference only"
fi

echo
cat "$out/machine.txt"
echo
column -t -s $'\t' "$out/summary.tsv"
"$py" - "$out/summary.tsv" "$quiet_pct" <<'EOF'
import sys
quiet_pct = float(sys.argv[2])
rows = {r[0]: r for r in (l.rstrip("\n").split("\t") for l in open(sys.argv[1]))}
if "ours" in rows:
    ref, ours = rows["reference"], rows["ours"]
    ratio = float(ours[1]) / float(ref[1])
    x = lambda i: f"x{float(ours[i]) / float(ref[i]):.2f}"
    print(f"\nours/reference: req/s x{ratio:.2f}, p50 {x(2)}, p99 {x(3)}, server CPU per call {x(8)}")
    print(f"target (req/s >= 2x reference, 0 failed): "
          f"{'met' if ratio >= 2 and ours[4] == '0' else 'NOT met'}")
for name, row in rows.items():
    if name == "server":
        continue
    if float(row[7]) > quiet_pct:
        print(f"warning: {name} ran beside {row[7]}% of a core of other load; rerun when quiet")
    if float(row[6]) >= 95:
        print(f"warning: h2load used {row[6]}% of a core against {name}: load-generator bound, "
              "its req/s is a lower bound")
EOF
# gzip the per-request logs: they are ~25 bytes a request and were only needed for the percentiles.
gzip -f1 "$out"/*.requests.tsv
echo; say "raw outputs: $out"
# Any failed request makes the run fail (the req/s of a server that drops requests means nothing).
awk -F'\t' 'NR > 1 && $5 != "0" { bad = 1 } END { exit bad }' "$out/summary.tsv"
