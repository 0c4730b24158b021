#!/usr/bin/env bash
# Runs each extension-host suite N times in a row (default 5), the way .ci/run would on a fresh clone, to
# catch flaky tests: a flaky test is a bug (issue 13). Stops at nothing: every run is recorded, then a
# summary per suite is printed and the exit code is non-zero if any run failed.
#
#   bash scripts/vscode/repeat.sh [N] [suite...]
#   suites: trusted untrusted attach screenshot ux webviews demo (default: all of them, the phases npm test runs)
#
# Builds, compiles the tests and packages the VSIX once (like scripts/vscode/test.mjs), then runs each suite
# N times (out/test/vscode/run.js --only SUITE; webviews-screenshot.js; demo-screenshots.js), offline in a
# network namespace when root. Logs of failed runs are kept in .tmp/vscode-repeat/SUITE-RUN/. The ux and demo
# phases rewrite media/screenshots/*.png: restore them with git checkout if only the loop was wanted.
set -uo pipefail
cd "$(dirname "$0")/../.."
N=${1:-5}
shift || true
SUITES=("$@")
[ ${#SUITES[@]} -eq 0 ] && SUITES=(trusted untrusted attach screenshot ux webviews demo)

npm run --silent build && npm run --silent compile-tests || { echo "repeat: build failed"; exit 1; }
CODE_SERVER_DIR=$(bash scripts/vscode/install-code-server.sh | tail -1) || { echo "repeat: installing code-server failed"; exit 1; }
export CODE_SERVER_DIR
for s in "${SUITES[@]}"; do
  case $s in
    screenshot|ux) npm run --silent package >/dev/null || { echo "repeat: npm run package failed"; exit 1; }; break ;;
  esac
done

run() {
  if [ "$(id -u)" = 0 ] && [ "${PARC_VSCODE_NETNS:-1}" != 0 ] && unshare -n true 2>/dev/null; then
    unshare -n bash -c 'ip link set lo up && exec "$@"' _ "$@"
  else
    "$@"
  fi
}

mkdir -p .tmp/vscode-repeat
declare -A PASS FAIL
summary=()
status=0
for s in "${SUITES[@]}"; do
  PASS[$s]=0
  FAIL[$s]=0
  for i in $(seq 1 "$N"); do
    t0=$(date +%s)
    case $s in
      webviews) cmd=(node out/test/vscode/webviews-screenshot.js) ;;
      demo) cmd=(node out/test/vscode/demo-screenshots.js) ;;
      screenshot) cmd=(node out/test/vscode/run.js --only screenshot --vsix parc.vsix --screenshot .tmp/vscode-repeat/parc-sidebar.png) ;;
      ux) cmd=(node out/test/vscode/run.js --only ux --vsix parc.vsix) ;;
      *) cmd=(node out/test/vscode/run.js --only "$s") ;;
    esac
    run "${cmd[@]}" >".tmp/vscode-repeat/$s-$i.log" 2>&1
    rc=$?
    dt=$(($(date +%s) - t0))
    if [ "$rc" -eq 0 ]; then
      PASS[$s]=$((PASS[$s] + 1))
      echo "repeat: $s run $i/$N passed (${dt} s)"
    else
      FAIL[$s]=$((FAIL[$s] + 1))
      status=1
      rm -rf ".tmp/vscode-repeat/$s-$i"
      [ -d ".tmp/vscode-test-logs/$s" ] && cp -r ".tmp/vscode-test-logs/$s" ".tmp/vscode-repeat/$s-$i"
      echo "repeat: $s run $i/$N FAILED (exit $rc, ${dt} s); output .tmp/vscode-repeat/$s-$i.log:"
      grep -E '✗|[0-9]+\) |Error|failing' ".tmp/vscode-repeat/$s-$i.log" | head -20
    fi
  done
  summary+=("$s: ${PASS[$s]}/$N passed")
done
printf 'repeat: %s\n' "${summary[@]}"
exit $status
