#!/usr/bin/env bash
# Opens VS Code (code-server in a local browser tab) with Parc, installed from its VSIX, on a workspace,
# and prints the URL. Ctrl-C stops it.
#
#   scripts/vscode/open-demo.sh [WORKSPACE_DIR | path/to/parc.yaml]
#
# With no argument it starts a small estate of its own on loopback (two snmpd and one snmpsim agent).
# Credentials come from the caller's PARC_CRED_<NAME> variables (what the CLI reads too). PORT=N picks the port.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules ] || npm ci --no-audit --no-fund
CS=$(bash scripts/vscode/install-code-server.sh)
npm run --silent package >/dev/null
# The launcher is TypeScript compiled with the tests (incremental; other areas' type errors do not block it).
npx tsc -p tsconfig.test.json >/dev/null 2>&1 || true
[ -f out/test/vscode/open-demo.js ] || { echo "open-demo: out/test/vscode/open-demo.js was not built; run npx tsc -p tsconfig.test.json" >&2; exit 1; }
exec node out/test/vscode/open-demo.js --code-server "$CS" --vsix parc.vsix "$@"
