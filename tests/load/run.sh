#!/usr/bin/env bash
# The load test: 50 clients × 10,000 requests each (500,000 in all) against the release binary, cycling through
# a SPARQL GET, a SPARQL POST, an entity page, a label search and the dataset description. Fails on any answer
# that is not 200 and when the server's resident memory grows by more than 16 MiB after the first 10 % of the
# requests (examples/load.rs). Usage: tests/load/run.sh [CLIENTS] [REQUESTS_PER_CLIENT]
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qingpu-kg/target}"
clients=${1:-50}
requests=${2:-10000}

cargo build --release --quiet --bin qingpu-kg --example load
# shellcheck source=start-server.sh
source tests/load/start-server.sh
start_server "$CARGO_TARGET_DIR/release/qingpu-kg"
echo "server $SERVER_URL (pid $SERVER_PID)"

label_query='SELECT ?label WHERE { <https://w3id.org/qingpu-kg/id/place/chonggu> <http://www.w3.org/2000/01/rdf-schema#label> ?label }'
"$CARGO_TARGET_DIR/release/examples/load" --url "$SERVER_URL" --pid "$SERVER_PID" \
  --clients "$clients" --requests "$requests" --max-growth-mib 16 \
  --get "/sparql?query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$label_query")" \
  --post-query 'ASK { ?s a <https://w3id.org/qingpu-kg/ontology#Town> }' \
  --get '/id/place/chonggu.html' \
  --get '/search?q=%E9%87%8D%E5%9B%BA' \
  --get '/dataset.ttl'
