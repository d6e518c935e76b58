#!/usr/bin/env bash
# `npm start`: the extension in a real VS Code in your browser, against a local Airbyte server.
# Builds and packages the extension, installs code-server (VS Code for the browser), starts the
# local Airbyte-compatible server and code-server with the .vsix installed and examples/ open,
# prints the URL, and on Ctrl-C stops everything it started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HELPERS="$ROOT/scripts/code-server"
SESSION="$ROOT/.tools/start" # your session: settings, stored credentials, logs (kept between runs)
CODE_SERVER="$ROOT/.tools/code-server/node_modules/code-server/out/node/entry.js"
VSIX="$ROOT/dist/airbyte-connections.vsix"
cd "$ROOT"

log() { echo "[start] $*"; }

# One session at a time: a second one would rewrite the first one's settings (server URL).
mkdir -p "$SESSION"
if [ -f "$SESSION/start.pid" ] && kill -0 "$(cat "$SESSION/start.pid")" 2>/dev/null; then
  echo "[start] npm start is already running (pid $(cat "$SESSION/start.pid")); stop it first (Ctrl-C there)." >&2
  exit 1
fi
echo $$ >"$SESSION/start.pid"

started_pids=()
stop_everything() {
  trap - INT TERM EXIT
  rm -f "$SESSION/start.pid"
  [ "${#started_pids[@]}" -eq 0 ] && return
  log "stopping what this script started"
  for pid in "${started_pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${started_pids[@]}"; do
    # bounded: SIGKILL whatever is still there after ~5 s
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
trap stop_everything EXIT
trap 'exit 130' INT TERM

# Starts a command as the leader of its own process group (so stopping it stops its children).
start_in_background() {
  local log_file="$1"
  shift
  setsid "$@" >"$log_file" 2>&1 &
  started_pids+=("$!")
}

[ -d node_modules ] || { log "npm install"; npm install; }
log "building"
npm run --silent build
log "packaging $VSIX"
npm run --silent package
bash scripts/install-code-server.sh

airbyte_port="$(node "$HELPERS/free-port.mjs" 8000)"
[ "$airbyte_port" = 8000 ] || log "port 8000 is taken; the local Airbyte server uses $airbyte_port"
airbyte_url="http://127.0.0.1:$airbyte_port/api"
# The password goes through the environment, never the command line (visible in ps).
export LOCAL_AIRBYTE_PASSWORD="${LOCAL_AIRBYTE_PASSWORD:-password}"
start_in_background "$SESSION/local-airbyte.log" \
  node dist/local-airbyte.js --port "$airbyte_port" --data-file .local-airbyte/data.json
node "$HELPERS/wait-for-http.mjs" "$airbyte_url/v1/health" 30 "${started_pids[-1]}" \
  || { cat "$SESSION/local-airbyte.log"; exit 1; }

# The workbench's user settings: point the extension at this server (other keys are kept).
node "$HELPERS/set-user-settings.mjs" "$SESSION/user-data/User/settings.json" \
  "{\"airbyte.serverUrl\": \"$airbyte_url\", \"workbench.startupEditor\": \"none\"}"

log "installing the packaged extension into code-server"
node "$CODE_SERVER" --extensions-dir "$SESSION/extensions" --user-data-dir "$SESSION/user-data" \
  --config "$SESSION/code-server.yaml" --install-extension "$VSIX" --force >"$SESSION/install-extension.log" 2>&1 \
  || { cat "$SESSION/install-extension.log"; exit 1; }

vscode_port="$(node "$HELPERS/free-port.mjs" 8080)"
start_in_background "$SESSION/code-server.log" \
  node "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$vscode_port" \
  --user-data-dir "$SESSION/user-data" --extensions-dir "$SESSION/extensions" --config "$SESSION/code-server.yaml" \
  --disable-telemetry --disable-update-check --disable-workspace-trust "$ROOT/examples"
node "$HELPERS/wait-for-http.mjs" "http://127.0.0.1:$vscode_port/healthz" 60 "${started_pids[-1]}" \
  || { cat "$SESSION/code-server.log"; exit 1; }

cat <<EOF

  VS Code (code-server):  http://127.0.0.1:$vscode_port/?folder=$ROOT/examples
  Local Airbyte API:      $airbyte_url   (user airbyte, password from LOCAL_AIRBYTE_PASSWORD, default password)
  Logs:                   ${SESSION#"$ROOT"/}/*.log

  Open a *.connection.json file, press Ctrl+Space, hover a field, run "Airbyte: Create Connection".
  Ctrl-C stops both servers.

EOF

# Runs until Ctrl-C, or until one of the servers stops on its own.
wait -n "${started_pids[@]}" || true
log "a server stopped on its own; see the logs in ${SESSION#"$ROOT"/}"
exit 1
