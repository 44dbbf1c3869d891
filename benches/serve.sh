#!/usr/bin/env bash
# The server benchmark: wrk with 50 connections on three fixed queries, against `qingpu-kg serve` and, in the
# same run on the same export, `oxigraph serve` (in memory, union default graph: the same dataset and the same
# query semantics). Prints throughput and p50/p99 latency as a markdown table. Needs wrk (apt) and the `oxigraph`
# command (pip install oxigraph). Usage: benches/serve.sh [SECONDS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qingpu-kg/target}"
seconds=${1:-15}
binary="$CARGO_TARGET_DIR/release/qingpu-kg"
cargo build --release --quiet --bin qingpu-kg
work=$(mktemp -d)
"$binary" export --format nquads --output "$work/dump.nq"

# shellcheck source=../tests/load/start-server.sh
source tests/load/start-server.sh
start_server "$binary"
ours=$SERVER_URL
ours_pid=$SERVER_PID

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
oxigraph serve --bind "127.0.0.1:$port" --union-default-graph >"$work/oxigraph.log" 2>&1 &
oxigraph_pid=$!
trap 'kill $ours_pid $oxigraph_pid 2>/dev/null || true; rm -rf "$work"' EXIT
theirs="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -s -o /dev/null "$theirs/" && break; sleep 0.1; done
curl -sf -X POST -H 'content-type: application/n-quads' --data-binary "@$work/dump.nq" "$theirs/store" >/dev/null

declare -A queries=(
  [lookup]='SELECT ?p ?o WHERE { <https://w3id.org/qingpu-kg/id/place/chonggu> ?p ?o } ORDER BY ?p ?o'
  [join]='SELECT ?town ?zh ?en WHERE { ?town a <https://w3id.org/qingpu-kg/ontology#Town> ; <http://www.w3.org/2000/01/rdf-schema#label> ?zh, ?en . FILTER(lang(?zh) = "zh" && lang(?en) = "en") } ORDER BY ?zh'
  [aggregate]='SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class'
)
# wrk writes latencies as 812.00us, 1.23ms or 1.02s.
to_ms() { awk '{ v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /[0-9]s$/) v *= 1000; printf "%.2f", v }'; }
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

echo "| query | server | requests/s | p50 ms | p99 ms | errors |"
echo "|---|---|---:|---:|---:|---:|"
for name in lookup join aggregate; do
  q=$(encode "${queries[$name]}")
  # Both must give the same answer, or the comparison means nothing.
  a=$(curl -sf -H 'accept: text/csv' "$ours/sparql?query=$q")
  b=$(curl -sf -H 'accept: text/csv' "$theirs/query?query=$q")
  if [ "$a" != "$b" ]; then
    echo "the two servers answer $name differently" >&2
    diff <(echo "$a") <(echo "$b") | head >&2
    exit 1
  fi
  for server in qingpu-kg oxigraph; do
    if [ $server = qingpu-kg ]; then url="$ours/sparql?query=$q"; else url="$theirs/query?query=$q"; fi
    out=$(wrk -t2 -c50 -d"${seconds}s" --latency -H 'accept: application/sparql-results+json' "$url")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
    errors=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print $0}' <<<"$out" | tr '\n' ' ')
    echo "| $name | $server | ${rps%.*} | $p50 | $p99 | ${errors:-0} |"
  done
done
