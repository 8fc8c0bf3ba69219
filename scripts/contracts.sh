#!/usr/bin/env bash
# The contracts toolchain: forge from npm, running npm's solc through contracts/tools/solc
# (forge cannot download compilers here).
#   scripts/contracts.sh build   compile contracts/ (artifacts in contracts/out, git-ignored)
#   scripts/contracts.sh test    run the forge tests
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
forge="$repo/node_modules/@foundry-rs/forge-linux-amd64/bin/forge"
solc="$repo/contracts/tools/solc"
[ -x "$forge" ] || { echo "[contracts] forge not installed; run scripts/bootstrap.sh" >&2; exit 1; }
cd "$repo/contracts"
case "${1:-}" in
  build)
    if [ -z "$(find src -name '*.sol' -print -quit)" ]; then
      echo "[contracts] no contracts in contracts/src yet"; exit 0
    fi
    "$forge" build --use "$solc" --quiet
    echo "[contracts] built into contracts/out"
    ;;
  test) "$forge" test --use "$solc" ;;
  *) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
