#!/usr/bin/env bash
# `aplan schema validate|themes|workload|actions|timeline|diff|activity|history|
# review-report|export` checked against real output by an independent validator
# (check-jsonschema): each command's `--format json` on the bundled plans, findings and
# exports from broken fixtures, and a diff of a change that touches plans, actions,
# updates, settings and findings. A field the schema does not list fails.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
command -v check-jsonschema >/dev/null \
  || { echo "check-jsonschema is not installed (pip install check-jsonschema)"; exit 1; }
cargo build --locked --quiet --manifest-path "$here/Cargo.toml"
aplan="$here/target/debug/aplan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export APLAN_TODAY=2017-04-10

mkdir "$work/schemas"
for name in validate themes workload actions timeline diff activity history review-report \
  export; do
  "$aplan" schema "$name" >"$work/schemas/$name.json"
done

check() { # NAME FILE…
  local name=$1
  shift
  check-jsonschema --schemafile "$work/schemas/$name.json" "$@"
}

cd "$here"
"$aplan" -q validate --format json >"$work/validate-bundled.json"
"$aplan" -q themes --format json >"$work/themes.json"
"$aplan" -q themes --year 2016 --format json >"$work/themes-2016.json"
"$aplan" -q workload --format json >"$work/workload.json"
"$aplan" -q actions --format json >"$work/actions.json"
"$aplan" -q actions --overdue --format json >"$work/actions-overdue.json"
"$aplan" -q timeline --format json >"$work/timeline.json"
"$aplan" -q activity --format json >"$work/activity.json"
"$aplan" -q activity --since 2016-01-01 --by hpatel --format json >"$work/activity-since.json"
"$aplan" -q history history --format json >"$work/history.json"
"$aplan" -q history history/dosei --since 2016-09-01 --format json >"$work/history-contact.json"
"$aplan" -q review --format json >"$work/review.json"
"$aplan" -q export >"$work/export-bundled.json"

# Findings of every kind: each check fixture laid over the base repository.
for fixture in tests/fixtures/checks/*/; do
  name=$(basename "$fixture")
  rm -rf "$work/repo"
  cp -r tests/fixtures/base "$work/repo"
  cp -r "$fixture". "$work/repo/"
  "$aplan" --root "$work/repo" -q validate --format json >"$work/validate-$name.json" || true
  "$aplan" --root "$work/repo" -q export >"$work/export-$name.json" 2>/dev/null \
    || rm -f "$work/export-$name.json"
done

# A change for a reviewer: a status, a new action, an update, a limit and a finding.
cp -r . "$work/git" 2>/dev/null || true
rm -rf "$work/git/target" "$work/git/.git"
git -C "$work/git" init -q
git -C "$work/git" -c user.name=t -c user.email=t@example.org add -A
git -C "$work/git" -c user.name=t -c user.email=t@example.org commit -qm base
sed -i 's/^max_actions_per_department = .*/max_actions_per_department = 3/' "$work/git/aplan.toml"
cat >>"$work/git/plans/2017/history.toml" <<'TOML'

[[actions]]
id = "new-guide"
title = "A new guide"
owner = "nobody-known"
status = "proposed"
TOML
"$aplan" --root "$work/git" -q update history/2017/year2-lists --note "Half reviewed" \
  --by hpatel --date 2017-04-01 >/dev/null 2>&1 || true
(cd "$work/git" && "$aplan" -q diff HEAD --format json >"$work/diff.json")
grep -q '"actions"' "$work/diff.json" || { echo "the diff shows no action"; exit 1; }

check validate "$work"/validate-*.json
check themes "$work"/themes*.json
check workload "$work/workload.json"
check actions "$work"/actions*.json
check timeline "$work/timeline.json"
check diff "$work/diff.json"
check activity "$work"/activity*.json
check history "$work"/history*.json
check review-report "$work/review.json"
check export "$work"/export-*.json

# An extra field is a change of shape: the schema must refuse it.
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["unlisted"]=1; json.dump(d, open(sys.argv[2], "w"))' \
  "$work/workload.json" "$work/changed.json"
if check workload "$work/changed.json" >/dev/null 2>&1; then
  echo "the workload schema accepted a field it does not list" >&2
  exit 1
fi
echo "output schemas: every JSON output valid, an unlisted field refused"
