#!/usr/bin/env bash
# `aplan man --out DIR` checked by mandoc: every page (aplan(1) and one per command) is
# clean under `mandoc -T lint`, at every level down to style.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
command -v mandoc >/dev/null || { echo "mandoc is not installed (apt-get install mandoc)"; exit 1; }
cargo build --locked --quiet --manifest-path "$here/Cargo.toml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/target/debug/aplan" man --out "$work"
count=$(find "$work" -name '*.1' | wc -l)
[ "$count" -gt 10 ] || { echo "only $count man pages were written"; exit 1; }
report=$(mandoc -T lint "$work"/*.1 2>&1 || true)
if [ -n "$report" ]; then
  echo "$report"
  exit 1
fi
echo "man pages: $count pages, mandoc -T lint clean"
