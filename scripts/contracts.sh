#!/usr/bin/env bash
# The contracts toolchain: forge from npm, running npm's solc through contracts/tools/solc
# (forge cannot download compilers here).
#   scripts/contracts.sh build   compile contracts/ (artifacts in contracts/out, git-ignored)
#   scripts/contracts.sh test    run the forge tests (extra arguments go to forge test)
#   scripts/contracts.sh deploy [--rpc-url URL] [--out FILE] [--private-key KEY] [--minter ADDR]
#       deploy a fresh contract set and write its addresses as JSON (see docs/contracts.md)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
forge="$repo/node_modules/@foundry-rs/forge-linux-amd64/bin/forge"
solc="$repo/contracts/tools/solc"
caller_dir="$PWD"
# anvil's well-known dev account 0 (public test key; never holds real value)
anvil_key0="0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

[ -x "$forge" ] || { echo "[contracts] forge not installed; run scripts/bootstrap.sh" >&2; exit 1; }
cd "$repo/contracts"

# Runs a command holding contracts/cache/.lock, so concurrent builds (e.g. parallel test fixtures
# deploying to their own nodes) do not write contracts/out at the same time.
locked() {
  mkdir -p cache
  if command -v flock >/dev/null; then flock cache/.lock "$@"; else "$@"; fi
}

usage() { sed -n '2,7p' "$repo/scripts/contracts.sh" | sed 's/^# \{0,1\}//'; }

deploy() {
  local rpc="${CS_ANVIL_URL:-http://127.0.0.1:8545}"
  local out="${CS_DEPLOYMENT_FILE:-$repo/.stack/deployment.json}"
  local key="${CS_DEPLOY_KEY:-$anvil_key0}"
  local minter="${CS_DEPLOY_MINTER:-}"
  while [ $# -gt 0 ]; do
    case "$1" in
      --rpc-url|--out|--private-key|--minter)
        [ $# -ge 2 ] || { echo "[contracts] $1 needs a value" >&2; exit 2; }
        case "$1" in
          --rpc-url) rpc="$2" ;;
          --out) out="$2" ;;
          --private-key) key="$2" ;;
          --minter) minter="$2" ;;
        esac
        shift 2 ;;
      *) echo "[contracts] unknown deploy option: $1" >&2; usage >&2; exit 2 ;;
    esac
  done
  case "$out" in /*) ;; *) out="$caller_dir/$out" ;; esac

  # Each run gets its own scratch folder (addresses, forge's broadcast log), so deploys to several
  # nodes can run at once; compilation happens first, under the lock `build` uses.
  mkdir -p cache/deploy
  work="$(mktemp -d "$PWD/cache/deploy/run.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  local started=$SECONDS
  locked "$forge" build --use "$solc" --quiet

  # A node started alongside (docker-compose's anvil) may not answer yet: wait for eth_chainId.
  node - "$rpc" "${CS_DEPLOY_WAIT_SECONDS:-30}" <<'NODE'
const [url, seconds] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
(async () => {
  for (;;) {
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) });
      if (r.ok && (await r.json()).result) return;
    } catch (e) { /* not up yet */ }
    if (Date.now() > deadline) { console.error(`[contracts] no JSON-RPC node answers at ${url}`); process.exit(1); }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
})();
NODE

  # The key and minter travel in the environment, not on forge's command line.
  local -a env_args=("CS_DEPLOY_KEY=$key" "CS_DEPLOY_TMP=$work/addresses.json" "FOUNDRY_BROADCAST=$work/broadcast")
  [ -n "$minter" ] && env_args+=("CS_DEPLOY_MINTER=$minter")
  # --slow: each transaction is sent once the one before it is mined. Sent all at once, a node under
  # load could end up with a nonce gap (measured: 2 of 72 deploys, 4-6 in parallel, left transactions
  # queued behind a missing one for good, six in the one inspected, and forge waiting for receipts).
  if ! env "${env_args[@]}" "$forge" script script/Deploy.s.sol:Deploy \
      --rpc-url "$rpc" --broadcast --slow --use "$solc" >"$work/forge.log" 2>&1; then
    cat "$work/forge.log" >&2
    echo "[contracts] deploy to $rpc failed" >&2; exit 1
  fi

  # Add the block of the first deployment transaction (where an indexer starts) from forge's
  # broadcast log, and write the final JSON atomically.
  mkdir -p "$(dirname "$out")"
  node - "$work/addresses.json" "$work/broadcast/Deploy.s.sol" "$out" <<'NODE'
const fs = require('fs');
const path = require('path');
const [scratchFile, broadcastDir, outFile] = process.argv.slice(2);
const a = JSON.parse(fs.readFileSync(scratchFile, 'utf8'));
const run = JSON.parse(fs.readFileSync(path.join(broadcastDir, String(a.chainId), 'run-latest.json'), 'utf8'));
const first = (run.receipts || []).find(
  (r) => r.contractAddress && r.contractAddress.toLowerCase() === a.Multicall3.toLowerCase());
if (!first) throw new Error('the broadcast log does not contain this deployment');
const names = ['Multicall3', 'MockUSDC', 'SubAccounts', 'CashAsset', 'CustodyCollateralAsset',
  'PerpAssetBTC', 'StandardManager', 'TradeExecutor', 'CustodyTokenFactory'];
const contracts = {};
for (const n of names) contracts[n] = a[n];
const doc = { chainId: a.chainId, deployer: a.deployer, blockNumber: Number(BigInt(first.blockNumber)),
  minter: a.minter, contracts };
const tmp = `${outFile}.tmp-${process.pid}`;
fs.writeFileSync(tmp, JSON.stringify(doc, null, 2) + '\n');
fs.renameSync(tmp, outFile);
NODE
  echo "[contracts] deployed to $rpc in $((SECONDS - started)) s; addresses in $out"
}

case "${1:-}" in
  build)
    if [ -z "$(find src -name '*.sol' -print -quit)" ]; then
      echo "[contracts] no contracts in contracts/src yet"; exit 0
    fi
    locked "$forge" build --use "$solc" --quiet
    echo "[contracts] built into contracts/out"
    ;;
  test) shift; locked "$forge" build --use "$solc" --quiet; "$forge" test --use "$solc" "$@" ;;
  deploy) shift; deploy "$@" ;;
  *) usage; exit 2 ;;
esac
