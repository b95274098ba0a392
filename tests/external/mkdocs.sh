#!/usr/bin/env bash
# Rendered Markdown through MkDocs (Python-Markdown): every bundled 2017 plan and the
# hostile fixture, full of `<`, `|`, `*` and `&`, build into pages whose text shows no
# backslash escape (`\<`, `\|`, `\&` …) and no raw markup from the plans, so the escapes
# that CommonMark and GitHub read are read the same by MkDocs.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v mkdocs >/dev/null || { echo "mkdocs is not installed (pip install mkdocs)"; exit 1; }
cargo build --locked --quiet
aplan="$PWD/target/debug/aplan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export APLAN_TODAY=2017-04-01

mkdir -p "$work/site/docs"
"$aplan" -q render --year 2017 --out "$work/site/docs/plans"
cp -r tests/fixtures/base "$work/hostile"
cp -r tests/fixtures/render/hostile/. "$work/hostile/"
"$aplan" -q --root "$work/hostile" render history/2017 --force -o "$work/site/docs/hostile.md"
printf 'site_name: Action plans\n' >"$work/site/mkdocs.yml"
(cd "$work/site" && mkdocs build --quiet --site-dir "$work/html")

python3 - "$work/html" <<'PY'
import html.parser, pathlib, re, sys

class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code", "pre"):
            self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("script", "style", "code", "pre"):
            self.skip -= 1
    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

pages = [p for p in pathlib.Path(sys.argv[1]).rglob("index.html")
         if "plans" in p.parts or "hostile" in p.parts]
assert pages, "mkdocs built no plan pages"
problems = []
for page in pages:
    source = page.read_text(encoding="utf-8")
    main = source.split('role="main"', 1)[-1]
    parser = Text()
    parser.feed(main)
    text = "".join(parser.parts)
    for escape in re.findall(r"\\[<>&|~=]", text):
        problems.append(f"{page}: shows {escape!r}")
    for entity in re.findall(r"&(?:lt|gt|amp|#\d+);", text):
        problems.append(f"{page}: shows the entity {entity!r} as text")
hostile = [p for p in pages if "hostile" in p.parts]
assert hostile, "no page for the hostile plan"
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"mkdocs: {len(pages)} pages, no backslash escape or entity shown as text")
PY
