#!/usr/bin/env bash
# Installs code-server (VS Code server + web workbench) from npm into a cache directory, offline-safe:
# its postinstall would fetch ripgrep from GitHub, so it is installed with --ignore-scripts and the
# postinstall is redone by hand with Debian's rg and the local Node headers. Idempotent: a marker file
# records a finished install and later runs return at once. Prints the code-server package directory.
#
#   PARC_CODE_SERVER_CACHE  cache root (default ${XDG_CACHE_HOME:-~/.cache}/parc)
#   PARC_CODE_SERVER_VERSION (default 4.100.3: VS Code 1.100.3, the last line that runs on Node 20)
set -euo pipefail

VERSION=${PARC_CODE_SERVER_VERSION:-4.100.3}
CACHE=${PARC_CODE_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parc}
PREFIX="$CACHE/code-server-$VERSION"
CS="$PREFIX/node_modules/code-server"
MARKER="$PREFIX/.parc-installed"

if [ -f "$MARKER" ] && [ -f "$CS/out/node/entry.js" ]; then
  echo "$CS"
  exit 0
fi

log() { echo "[install-code-server] $*" >&2; }
command -v rg >/dev/null || { log "ripgrep (rg) is missing: run scripts/install-deps.sh"; exit 1; }
NODEDIR=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$NODEDIR/include/node/node_api.h" ] || { log "no Node headers under $NODEDIR/include/node (install nodejs with its headers)"; exit 1; }
case "$(node -v)" in v20.*) ;; *) log "code-server $VERSION needs Node 20, found $(node -v)"; exit 1 ;; esac

# A half-finished earlier attempt is started afresh rather than patched up.
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
FLAGS=(--no-audit --no-fund --loglevel=error)
# Native modules are built against the local headers; node-pty's postinstall runs `npx node-gyp`.
export npm_config_nodedir="$NODEDIR" npm_config_yes=true
# Keep code-server's first-run files out of $HOME.
export XDG_CONFIG_HOME="$PREFIX/.xdg/config" XDG_DATA_HOME="$PREFIX/.xdg/data"

log "1/4 code-server@$VERSION from npm (scripts off) into $PREFIX"
(cd "$PREFIX" && echo '{"name":"parc-code-server","private":true}' > package.json && npm install --ignore-scripts "${FLAGS[@]}" "code-server@$VERSION" >&2)

log "2/4 VS Code's own dependencies, with Debian's ripgrep instead of the GitHub download"
cd "$CS/lib/vscode"
npm install --omit=dev --ignore-scripts "${FLAGS[@]}" >&2
mkdir -p node_modules/@vscode/ripgrep/bin
cp -f "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# kerberos would first try a prebuilt download from GitHub.
npm_config_build_from_source=kerberos npm rebuild --foreground-scripts >&2
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

log "3/4 built-in extensions' shared dependencies"
(cd extensions && npm install --omit=dev "${FLAGS[@]}" >&2)

log "4/4 argon2 (code-server's password hashing) from source"
(cd "$PREFIX" && npm rebuild argon2 --build-from-source >&2)

node "$CS/out/node/entry.js" --version >&2
date -u +%FT%TZ > "$MARKER"
log "done"
echo "$CS"
