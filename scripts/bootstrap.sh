#!/usr/bin/env bash
# Installs what CustodySettle's run and test commands need, skipping whatever is already there:
#   - Debian packages: PostgreSQL 15 server binaries, curl, python3-grpcio (the run command's health
#     probe and a test peer), and what the tests drive besides (python3-grpc-tools and
#     protobuf-compiler for the Python peer's descriptors, nghttp2-client, docker-compose to validate
#     docker-compose.yml without an engine);
#   - npm packages pinned in package-lock.json: anvil, forge, solc, OpenZeppelin, @grpc/grpc-js.
# Usage: scripts/bootstrap.sh [--run-only]   (--run-only skips the packages only tests use)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '[bootstrap] %s\n' "$*"; }

run_packages=(postgresql-15 curl python3-grpcio)   # grpcio: the run command probes health over gRPC
test_packages=(python3-grpc-tools protobuf-compiler nghttp2-client docker-compose)
packages=("${run_packages[@]}")
[ "${1:-}" = "--run-only" ] || packages+=("${test_packages[@]}")

. "$repo/scripts/lib/debian-packages.sh"
ensure_debian_packages bootstrap "${packages[@]}"

# npm ci only when package-lock.json changed since the last install.
stamp="$repo/node_modules/.custodysettle-lock.sha256"
want="$(sha256sum "$repo/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing npm toolchain (anvil, forge, solc, grpc-js) from package-lock.json"
  (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" > "$stamp"
fi
say "dependencies ready"
