#!/usr/bin/env bash
# The README's test command: installs what the tests need, brings the local stack up, builds the
# solution and the contracts, runs every test project, and ends with "N passed, N failed, N skipped"
# summed over all of them. Exits non-zero when any test fails or a test project could not run.
# A stack this command started is stopped again at the end; one already running is left running.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
say() { printf '[test] %s\n' "$*"; }
fail() { say "$*"; echo "0 passed, 1 failed"; exit 1; }

scripts/bootstrap.sh || fail "could not install dependencies"

started=0
if ! scripts/stack.sh status >/dev/null 2>&1; then
  scripts/stack.sh up || fail "the local stack (PostgreSQL, anvil) did not start"
  started=1
fi
trap '[ "$started" = 1 ] && scripts/stack.sh down >/dev/null' EXIT
trap 'exit 130' INT TERM
set -a; . "${CS_STACK_DIR:-$repo/.stack}/stack.env"; set +a

# Databases left by an interrupted earlier run (test databases are dropped as each class ends).
"$CS_PG_BIN/psql" -h "$CS_PG_SOCKET_DIR" -p "$CS_PG_PORT" -U "$CS_PG_USER" -d postgres -qtAc \
  "SELECT datname FROM pg_database WHERE datname LIKE 'cs\_test\_%' OR datname LIKE 'cs\_building\_%'" |
  while read -r db; do
    [ -n "$db" ] && "$CS_PG_BIN/psql" -h "$CS_PG_SOCKET_DIR" -p "$CS_PG_PORT" -U "$CS_PG_USER" -d postgres -qc \
      "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null
  done

scripts/contracts.sh build || fail "the contracts did not compile"

say "building the solution"
dotnet build CustodySettle.sln -nologo -clp:ErrorsOnly || fail "the solution did not build"

results="$repo/.stack/test-results"
rm -rf "$results"
say "running every test project"
dotnet test CustodySettle.sln --no-build -nologo --logger trx --results-directory "$results" \
  --blame-hang --blame-hang-timeout 15m
rc=$?

# Sum the counters of every project's TRX report.
passed=0; failed=0; skipped=0; reports=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  reports=$((reports + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))
done

if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  say "dotnet test exited with $rc without a failed test in its reports (a test host crashed?)"
  failed=1
fi
if [ $((passed + failed)) -eq 0 ]; then
  say "no test ran"
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
