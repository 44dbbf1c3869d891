# Sourced by the load test and the server benchmark: starts `qingpu-kg serve` on a free loopback port in the
# background and sets SERVER_PID and SERVER_URL (stopped when the calling script exits).
# Usage: start_server BINARY [serve options…]
start_server() {
  local binary=$1
  shift
  local log
  log=$(mktemp)
  "$binary" serve --bind 127.0.0.1:0 "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    SERVER_URL=$(sed -n 's|^listening on \(http://[^/]*\)/$|\1|p' "$log")
    [ -n "$SERVER_URL" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server did not start:" >&2
  cat "$log" >&2
  return 1
}
