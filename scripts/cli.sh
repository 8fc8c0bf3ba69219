#!/usr/bin/env bash
# The custody CLI (src/CustodySettle.Cli, docs/cli.md) against the local service:
#   scripts/cli.sh [--key-file .stack/demo-keys/alpha.key] desk status
# scripts/run.sh builds it into .stack/cli; this builds it there first if it is not there yet.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dll="${CS_STACK_DIR:-$repo/.stack}/cli/custodysettle.dll"
if [ ! -f "$dll" ]; then
  dotnet build "$repo/src/CustodySettle.Cli/CustodySettle.Cli.csproj" -c Release -nologo -clp:ErrorsOnly -o "$(dirname "$dll")" >/dev/null
fi
exec dotnet "$dll" "$@"
