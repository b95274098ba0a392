#!/usr/bin/env bash
# `aplan timeline --format ics` on the bundled plans, read back by an independent parser
# (Python's icalendar package) through tests/check_ics.py.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
ics=$(mktemp)
trap 'rm -f "$ics"' EXIT
"$here/target/debug/aplan" --root "$here" --today 2017-04-10 timeline --format ics --with-actions >"$ics"
python3 "$here/tests/check_ics.py" "$ics" 40
