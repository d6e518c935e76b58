#!/usr/bin/env bash
# Installs code-server (a complete VS Code: server + web workbench) into .tools/code-server/,
# so the extension can be tested in a real VS Code where VS Code itself cannot be downloaded.
# Kept out of the project's devDependencies: its install script refuses any Node but 20.
# Idempotent: a second run with the right version in place returns at once.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$ROOT/.tools/code-server"
PACKAGE_DIR="$TOOLS_DIR/node_modules/code-server"
DONE_MARKER="$TOOLS_DIR/.installed-$CODE_SERVER_VERSION"

log() { echo "[install-code-server] $*"; }
fail() { echo "[install-code-server] ERROR: $*" >&2; exit 1; }

# --- Node 20 only: code-server 4.100.x refuses other majors (later releases need 22/24).
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
if [ "$node_major" != "20" ]; then
  fail "code-server@$CODE_SERVER_VERSION needs Node 20, but 'node' is ${node_major/none/missing} ($(node -v 2>/dev/null || true)). Switch to Node 20 (e.g. 'nvm use 20') and run again."
fi

if [ -f "$DONE_MARKER" ] && [ -f "$PACKAGE_DIR/lib/vscode/out/server-main.js" ]; then
  log "code-server@$CODE_SERVER_VERSION already installed in ${TOOLS_DIR#"$ROOT"/}"
  exit 0
fi

# --- Debian packages: native modules need a compiler and kerberos headers; ripgrep stands in
# for the binary @vscode/ripgrep would download; chromium runs the workbench headless.
declare -A package_for_command=([g++]=g++ [make]=make [python3]=python3 [rg]=ripgrep [chromium]=chromium)
missing=()
for cmd in "${!package_for_command[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${package_for_command[$cmd]}")
done
[ -f /usr/include/krb5.h ] || [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    fail "missing system packages: ${missing[*]}
  install them with:  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  fi
fi

# --- @vscode/ripgrep downloads its binary from GitHub, which is unreachable offline; it first
# looks for this cached archive, so give it one holding the system's rg.
rg_cache_dir="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
rg_archive="$rg_cache_dir/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$rg_archive" ]; then
  log "caching the system rg for @vscode/ripgrep at $rg_archive"
  mkdir -p "$rg_cache_dir"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$rg_archive" -C "$staging" rg
  rm -rf "$staging"
fi

# --- A folder of its own, so code-server's dependencies never mix with the project's.
# npm blocks dependency install scripts unless allowed. argon2 (native) is allowed here;
# code-server's own postinstall is held back and run below, once its nested installs are allowed.
mkdir -p "$TOOLS_DIR"
cat >"$TOOLS_DIR/package.json" <<JSON
{
  "name": "code-server-tool",
  "private": true,
  "description": "code-server for the extension's tests; installed by scripts/install-code-server.sh",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "argon2": true, "code-server": false }
}
JSON

export npm_config_unsafe_perm=true # as root, code-server's postinstall insists on it
export npm_config_yes=true         # a native module runs 'npx node-gyp'
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

log "installing code-server@$CODE_SERVER_VERSION (about a minute and ~180 MB; native modules compile)"
started=$SECONDS
(cd "$TOOLS_DIR" && npm install --no-package-lock --foreground-scripts)

# code-server's postinstall runs 'npm install' in lib/vscode and lib/vscode/extensions: separate
# projects that read only their own .npmrc (an allow list passed from a parent npm arrives as an
# environment setting, which npm rejects in project installs). These are exactly the packages
# whose install scripts build VS Code's native modules (@vscode/ripgrep uses the cache above).
allowed_scripts="@parcel/watcher,@vscode/deviceid,@vscode/ripgrep,@vscode/spdlog,kerberos,native-watchdog,node-pty"
for nested in lib/vscode lib/vscode/extensions; do
  echo "allow-scripts=$allowed_scripts" >"$PACKAGE_DIR/$nested/.npmrc"
done
(cd "$PACKAGE_DIR" && npm run postinstall --foreground-scripts)

[ -f "$PACKAGE_DIR/lib/vscode/out/server-main.js" ] || fail "install finished but $PACKAGE_DIR/lib/vscode/out/server-main.js is missing"
[ -e "$PACKAGE_DIR/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] \
  || fail "VS Code's native modules were not built (install scripts blocked?); see the output above"
touch "$DONE_MARKER"
log "installed in $((SECONDS - started)) s: $PACKAGE_DIR/out/node/entry.js"
