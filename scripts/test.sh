#!/usr/bin/env bash
# `npm test`: everything, from a fresh clone. Installs what is missing (npm packages, the pinned
# code-server and its Debian packages), builds, then runs, in order:
#   type check -> unit tests -> standalone server over stdio -> extension-host suite in a real
#   VS Code (code-server + headless Chromium) -> the same in Restricted Mode (workspace trust on,
#   folder untrusted) -> UI smoke test in the workbench.
# Ends with one line "N passed, N failed" over all of them.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if [ ! -d node_modules ]; then
  log "npm ci"
  npm ci --no-audit --no-fund
fi
log "Real VS Code (code-server) for the integration tests"
bash scripts/install-code-server.sh

log "Type check (tsc --noEmit, strict)"
npm run --silent typecheck
log "Build (esbuild) and package (.vsix)"
npm run --silent build
npm run --silent package >/dev/null

log "Unit and standalone-server tests (node:test)"
node --import tsx --test --test-reporter=tap test/unit/*.test.ts test/server/*.test.ts test/cli/*.test.ts | tee "$results/node.tap" | grep -E '^(not ok|ok|# )' || true
node_pass=$(grep -E '^# pass ' "$results/node.tap" | awk '{print $3}')
node_fail=$(grep -E '^# fail ' "$results/node.tap" | awk '{print $3}')
node_cancelled=$(grep -E '^# cancelled ' "$results/node.tap" | awk '{print $3}')
node_fail=$(( ${node_fail:-1} + ${node_cancelled:-0} ))

log "Extension-host suite in a real VS Code"
set +e
npm run --silent test:vscode 2>&1 | tee "$results/vscode.log"
vscode_status=${PIPESTATUS[0]}
log "Extension-host suite in Restricted Mode (an untrusted folder)"
npm run --silent test:restricted 2>&1 | tee "$results/restricted.log"
restricted_status=${PIPESTATUS[0]}
log "UI smoke test (Playwright in the workbench)"
npm run --silent test:ui 2>&1 | tee "$results/ui.log"
ui_status=${PIPESTATUS[0]}
set -e

# "N passed, M failed" of a runner's log: field 1 is N, field 3 is M; a missing line counts as a failure.
summary() { grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1 | awk -v f="$2" -v d="$3" 'END { print (NR ? $f + 0 : d) }'; }
passed=$(( ${node_pass:-0} + $(summary "$results/vscode.log" 1 0) + $(summary "$results/restricted.log" 1 0) + $(summary "$results/ui.log" 1 0) ))
failed=$(( node_fail + $(summary "$results/vscode.log" 3 1) + $(summary "$results/restricted.log" 3 1) + $(summary "$results/ui.log" 3 1) ))
[ "$vscode_status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
[ "$restricted_status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
[ "$ui_status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
