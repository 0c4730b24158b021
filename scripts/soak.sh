#!/bin/sh
# Soak of `parc watch` (issue 13): 200 agents (20 % dead, 10 % hostile) polled every 10 s for 30 minutes;
# prints each cycle and the open-fd and RSS series, then a summary. Exit 1 when a cycle overran its
# interval or overlapped the previous one, or the watcher logged an error.
#   scripts/soak.sh [--minutes 30] [--agents 200] [--interval 10] [--dead 20] [--hostile 10]
# Needs root (snmpd) and a build: npm run build && npm run compile-tests.
set -e
cd "$(dirname "$0")/.."
[ -f dist/cli.js ] && [ -f out/test/support/soak-cli.js ] || { npm run build && npm run compile-tests; }
exec node out/test/support/soak-cli.js "$@"
