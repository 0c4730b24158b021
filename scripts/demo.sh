#!/usr/bin/env bash
# Sets up and runs Parc for real: installs what it needs, starts the embedded default estate on loopback
# (real snmpd agents + simulated devices), polls it and shows it grouped by region and site; then opens
# VS Code (code-server, in a local browser tab) on the demo workspace when that part is installed,
# or runs the CLI scheduler (`parc watch`). Ctrl-C stops everything.
#   npm run demo            full demo
#   npm run demo -- --once  poll once and stop (what CI and a quick look need)
set -euo pipefail
cd "$(dirname "$0")/.."
ONCE=0; [ "${1:-}" = "--once" ] && ONCE=1
WS=${PARC_DEMO_WORKSPACE:-$PWD/.demo}

if [ "$(id -u)" = 0 ]; then bash scripts/install-deps.sh; else bash scripts/install-deps.sh || true; fi
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent build
npx tsc -p tsconfig.test.json

rm -rf "$WS/.parc" "$WS/.estate"
node out/demo/estate.js --workspace "$WS" > "$WS.estate.log" 2>&1 &
ESTATE=$!
trap 'kill $ESTATE 2>/dev/null; wait $ESTATE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q 'estate ready' "$WS.estate.log" 2>/dev/null && break
  kill -0 $ESTATE 2>/dev/null || { cat "$WS.estate.log"; exit 1; }
  sleep 0.5
done
grep 'estate ready' "$WS.estate.log"
export PARC_CREDENTIALS="$WS/credentials"

echo; echo "== parc poll --inventory $WS/parc.yaml"
set +e
node dist/cli.js poll --inventory "$WS/parc.yaml"
code=$?
set -e
echo "(exit code $code: 0 all up, 2 some device down — one demo device is switched off on purpose)"
[ $ONCE = 1 ] && exit 0

if [ -x scripts/vscode/open-demo.sh ]; then
  echo; echo "== VS Code (code-server) with Parc on $WS"
  bash scripts/vscode/open-demo.sh "$WS"
else
  echo; echo "== parc watch (Ctrl-C to stop)"
  node dist/cli.js watch --inventory "$WS/parc.yaml"
fi
