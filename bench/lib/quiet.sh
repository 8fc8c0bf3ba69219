# Sourced by the benchmark scripts (bench/*/run.sh). The machine is shared (builds run beside us):
# before each measured step, wait until the whole machine uses less than quiet_pct of a core over 3 s,
# for quiet_wait seconds at most, and record what was seen in "$out/machine.txt". Needs `out` and `say`.
quiet_pct="${CS_BENCH_QUIET_PCT:-15}"; quiet_wait="${CS_BENCH_QUIET_WAIT:-300}"
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
wait_quiet() {
  local deadline=$((SECONDS + quiet_wait)) hz b0 busy; hz="$(getconf CLK_TCK)"
  while :; do
    b0="$(machine_ticks)"; sleep 3
    busy=$(( ($(machine_ticks) - b0) * 100 / (3 * hz) ))
    [ "$busy" -ge "$quiet_pct" ] || { echo "quiet before $1: ${busy}% of a core busy" >> "$out/machine.txt"; return 0; }
    if [ $SECONDS -ge $deadline ]; then
      say "machine still busy (${busy}% of a core); measuring $1 anyway"
      echo "BUSY before $1: ${busy}% of a core (waited ${quiet_wait}s)" >> "$out/machine.txt"; return 0
    fi
    say "machine busy (${busy}% of a core); waiting before $1"
  done
}
# Load average before a step.
snapshot() { echo "== $1 $(date -u +%FT%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"; }
