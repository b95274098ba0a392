#!/usr/bin/env bash
# `aplan render --format docx` read back by two independent readers: python-docx finds the
# headings and the actions table's rows of every bundled 2017 plan, and pandoc turns each
# document back into text that names the department and every action.
#
# Needs python-docx and pandoc; .ci/run installs them, and a missing one fails the check.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v pandoc >/dev/null || { echo "pandoc is not installed (apt-get install pandoc)"; exit 1; }
python3 -c 'import docx' 2>/dev/null \
  || { echo "python-docx is not installed (pip install python-docx)"; exit 1; }

cargo build --locked --quiet
aplan="$PWD/target/debug/aplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export APLAN_TODAY=2017-04-01

"$aplan" -q render --year 2017 --format docx --out "$work/docx"
count=0
for plan in plans/2017/*.toml; do
  name=$(basename "$plan" .toml)
  file="$work/docx/2017-$name.docx"
  python3 - "$plan" "$file" <<'PY'
import sys, tomllib
import docx

plan_path, file = sys.argv[1], sys.argv[2]
with open(plan_path, "rb") as f:
    plan = tomllib.load(f)
document = docx.Document(file)
headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
title = [h for h in headings if h.endswith(f"library action plan {plan['year']}")]
assert title, f"{file}: no title heading in {headings}"
for section in ("Issues", "Next steps"):
    assert section in headings, f"{file}: no heading {section!r} in {headings}"
actions = [a["title"] for a in plan.get("actions", [])]
tables = [t for t in document.tables if t.rows[0].cells[0].text == "Action"]
if actions:
    assert tables, f"{file}: no actions table"
    rows = [row.cells[0].text for row in tables[0].rows[1:]]
    assert rows == actions, f"{file}: the actions table has {rows}, the plan {actions}"
    for title in actions:
        assert title in headings, f"{file}: no heading for the action {title!r}"
section = document.sections[0]
assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297, f"{file}: not A4"
header = " ".join(p.text for p in section.header.paragraphs)
if plan["status"] == "draft":
    assert "Draft for discussion" in header, f"{file}: a draft without the draft header"
else:
    assert "Draft for discussion" not in header, f"{file}: a {plan['status']} plan with the draft header"
print(f"python-docx: {file.rsplit('/', 1)[1]}: {len(headings)} headings, {len(actions)} actions")
PY
  pandoc -f docx -t plain --wrap=none "$file" >"$work/$name.txt"
  python3 - "$plan" "$work/$name.txt" aplan.toml <<'PY'
import sys, tomllib
plan_path, text_path, config_path = sys.argv[1:]
with open(plan_path, "rb") as f:
    plan = tomllib.load(f)
with open(config_path, "rb") as f:
    config = tomllib.load(f)
text = " ".join(open(text_path, encoding="utf-8").read().split())
department = next(d["name"] for d in config["departments"] if d["id"] == plan["department"])
wanted = [department] + [a["title"] for a in plan.get("actions", [])]
missing = [w for w in wanted if " ".join(w.split()) not in text]
assert not missing, f"pandoc's text of {plan_path} lacks {missing}"
print(f"pandoc: {plan_path}: the department and {len(wanted) - 1} action titles")
PY
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "no plans were checked"; exit 1; }
echo "$count Word documents read back by python-docx and pandoc"
