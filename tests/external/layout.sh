#!/usr/bin/env bash
# What people read, in a real browser: every bundled plan rendered as HTML and every page of
# the bundled site, opened in Debian's Chromium at 320, 768 and 1280 px, never scrolls
# sideways, keeps its table captions in view and its dates in tables on one line, and passes
# axe-core at each width; each bundled plan printed on A4 has "At a glance" on page 1.
#
# Needs chromium, pdftotext (poppler-utils), node and npm; .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in chromium pdftotext node npm; do
  command -v "$tool" >/dev/null || { echo "layout.sh needs $tool"; exit 1; }
done
cargo build --locked --quiet
aplan="$PWD/target/debug/aplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export APLAN_TODAY=2017-04-10

echo "== render every bundled plan and build the site"
for year in 2016 2017; do
  "$aplan" -q render --year "$year" --format html --out "$work/plans/$year"
done
"$aplan" -q site --out "$work/site"
mapfile -t plans < <(find "$work/plans" -name '*.html' ! -name 'index.html' | sort)
mapfile -t site < <(find "$work/site" -name '*.html' | sort)
echo "${#plans[@]} plans, ${#site[@]} site pages"
[ "${#plans[@]}" -eq 26 ] || { echo "expected 26 bundled plans"; exit 1; }

echo "== layout and axe-core at 320, 768 and 1280 px"
(cd tests/external/site && npm ci --no-audit --no-fund --loglevel=error)
node tests/external/site/layout.mjs --pdf "$work/pdf" "${plans[@]}"
node tests/external/site/layout.mjs "${site[@]}"

echo "== A4 print: At a glance on page 1"
for pdf in "$work"/pdf/*.pdf; do
  if pdftotext -f 1 -l 1 "$pdf" - | grep -q 'At a glance'; then
    echo "ok   $(basename "$pdf")"
  else
    echo "FAIL $(basename "$pdf"): At a glance is not on page 1"
    exit 1
  fi
done
