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
# Credentials and known_hosts live beside the workspace, not in it: they never show in VS Code's Explorer.
SECRETS=${PARC_DEMO_SECRETS:-$WS.secrets}

# PARC_DEMO_SKIP_SETUP=1: the caller (the demo test) has installed and built everything already.
if [ "${PARC_DEMO_SKIP_SETUP:-0}" != 1 ]; then
  if [ "$(id -u)" = 0 ]; then bash scripts/install-deps.sh; else bash scripts/install-deps.sh || true; fi
  [ -d node_modules ] || npm ci --no-audit --no-fund
  npm run --silent build
  npx tsc -p tsconfig.test.json
fi

rm -rf "$WS/.parc" "$WS/.estate" "$WS/credentials"
node out/demo/estate.js --workspace "$WS" --secrets "$SECRETS" > "$WS.estate.log" 2>&1 &
ESTATE=$!
trap 'kill $ESTATE 2>/dev/null; wait $ESTATE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q 'estate ready' "$WS.estate.log" 2>/dev/null && break
  kill -0 $ESTATE 2>/dev/null || { cat "$WS.estate.log"; exit 1; }
  sleep 0.5
done
grep 'estate ready' "$WS.estate.log"
export PARC_CREDENTIALS="$SECRETS/credentials"
export PARC_KNOWN_HOSTS="$SECRETS/known_hosts"

echo; echo "== parc poll --inventory $WS/parc.yaml"
set +e
node dist/cli.js poll --inventory "$WS/parc.yaml"
code=$?
set -e
echo "(exit code $code: 0 all up, 2 some device down — nas-old is switched off on purpose, every other device answers)"

if grep -q '^linux:' "$WS/parc.yaml"; then
  echo; echo "== Linux host web-suresnes: real OpenSSH server, netplan and snmpd.conf under a temporary root"
  echo "== parc netplan show --host web-suresnes"
  node dist/cli.js netplan show --inventory "$WS/parc.yaml" --host web-suresnes || echo "(netplan show failed: exit $?)"
else
  echo; echo "(no Linux host in this demo: $(sed -n 's/.*no Linux host (\(.*\)).*/\1/p' "$WS.estate.log"))"
fi
if grep -q '^windows:' "$WS/parc.yaml"; then
  echo; echo "== SIMULATED Windows RDP host rds-simulated: stand-in quser/logoff (French, code page 850) over a real sshd — no Windows here"
  echo "== parc sessions list --host rds-simulated"
  node dist/cli.js sessions list --inventory "$WS/parc.yaml" --host rds-simulated || echo "(sessions list failed: exit $?)"
  echo "== parc sessions janitor --dry-run (the disconnected session is the one to log off; Sessions view in VS Code)"
  node dist/cli.js sessions janitor --inventory "$WS/parc.yaml" --host rds-simulated --dry-run || echo "(janitor failed: exit $?)"
fi
[ $ONCE = 1 ] && exit 0

if [ -x scripts/vscode/open-demo.sh ]; then
  echo; echo "== VS Code (code-server) with Parc on $WS"
  bash scripts/vscode/open-demo.sh "$WS"
else
  echo; echo "== parc watch (Ctrl-C to stop)"
  node dist/cli.js watch --inventory "$WS/parc.yaml"
fi
