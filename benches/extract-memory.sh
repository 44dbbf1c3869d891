#!/usr/bin/env bash
# The time and peak memory of extracting a 10 MB input of each layout of `benches/extract.rs` ("extract layouts"),
# in a process of its own (`examples/extract_layout.rs`, release build), as `/usr/bin/time -v` reports them: the
# input text and its paragraphs, the gazetteer and the extraction, not the graph written from it.
# Usage: benches/extract-memory.sh [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/qingpu-kg/target}"
megabytes=${1:-10}
cargo build --release --quiet --example extract_layout
for layout in list bare words sentences; do
  report=$(mktemp)
  /usr/bin/time -v "$CARGO_TARGET_DIR/release/examples/extract_layout" "$layout" "$megabytes" 2>"$report"
  awk '/Maximum resident set size/ { printf "  peak %.0f MiB\n", $6 / 1024 }' "$report"
  rm -f "$report"
done
