#!/usr/bin/env bash
# `aplan schema` checked by an independent validator (check-jsonschema): every bundled plan
# and settings file, contacts, interactions and review file passes, and a broken plan does not.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
aplan="$here/target/debug/aplan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$aplan" schema plan >"$work/plan.json"
"$aplan" schema config >"$work/config.json"
"$aplan" schema contacts >"$work/contacts.json"
"$aplan" schema interactions >"$work/interactions.json"
"$aplan" schema review >"$work/review.json"
check-jsonschema --schemafile "$work/plan.json" "$here"/plans/*/*.toml "$here"/tests/fixtures/base/plans/*/*.toml
check-jsonschema --schemafile "$work/config.json" "$here/aplan.toml" "$here/tests/fixtures/base/aplan.toml"
check-jsonschema --schemafile "$work/contacts.json" "$here"/contacts/*.toml "$here"/tests/fixtures/crm/contacts/*.toml
check-jsonschema --schemafile "$work/interactions.json" "$here"/interactions/*/*.toml "$here"/tests/fixtures/crm/interactions/*/*.toml
check-jsonschema --schemafile "$work/review.json" "$here"/reviews/*.toml

sed 's/^year = 2017/year = "2017"/' "$here/plans/2017/history.toml" >"$work/broken.toml"
if check-jsonschema --schemafile "$work/plan.json" "$work/broken.toml" >/dev/null 2>&1; then
  echo "the plan schema accepted a quoted year" >&2
  exit 1
fi
echo "schemas: bundled files valid, a broken plan rejected"
