#!/usr/bin/env bash
# Checks once that a failing extension-host test fails the run: the main suite plus a deliberately failing
# test (PARC_VSCODE_INCLUDE_FAILING=1 through --include-failing) must exit non-zero, and the results file
# must name that test. Run after `npm run build && npm run compile-tests`.
set -uo pipefail
cd "$(dirname "$0")/../.."
node out/test/vscode/run.js --only trusted --include-failing
rc=$?
results=.tmp/vscode-test-logs/trusted/results.json
if [ "$rc" -eq 0 ]; then echo "ERROR: the deliberately failing test did not make the run fail"; exit 1; fi
if ! grep -q 'fails on purpose' "$results" || ! grep -q '"failed": 1,' "$results"; then echo "ERROR: the run failed (exit $rc) but not because of the deliberate failure; see $results"; exit 1; fi
echo "OK: the run with a deliberately failing test exited with $rc"
