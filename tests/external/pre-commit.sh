#!/usr/bin/env bash
# This repository's pre-commit hooks on a repository made by `aplan init`, with the real
# pre-commit tool: they pass on the new repository and fail once a plan is broken.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
aplan="$here/target/debug/aplan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# pre-commit builds the hooks with `cargo install`; one target folder lets each build
# after the first reuse it.
export PRE_COMMIT_HOME="$work/cache" CARGO_TARGET_DIR="$work/target" APLAN_TODAY=2017-01-10

"$aplan" init "$work/plans" --library "Pre-commit Test Library" >/dev/null
cd "$work/plans"
git init -q
git add -A
git -c user.name=test -c user.email=test@example.org commit -qm "A new plans repository"

pre-commit try-repo "$here" aplan-validate --all-files
pre-commit try-repo "$here" aplan-workload --all-files

sed -i 's/owner = "jsmith"/owner = "jsmtih"/' plans/2017/history.toml
git add -A
if pre-commit try-repo "$here" aplan-validate --all-files >"$work/broken.log" 2>&1; then
  cat "$work/broken.log"
  echo "pre-commit passed on a broken plan" >&2
  exit 1
fi
grep -q "unknown-staff" "$work/broken.log"
echo "pre-commit hooks: pass on a clean repository, fail on a broken plan"
