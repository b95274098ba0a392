#!/usr/bin/env bash
# The pre-commit hooks with the real pre-commit tool, on a repository made by `aplan init`:
# a commit that deletes a member of staff the plans name is blocked, and a commit that
# fixes a typo in one plan is not, although someone is over a limit already. First with the
# hooks `init` writes (an installed aplan), then with this repository's own hooks as
# pre-commit builds them.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v pre-commit >/dev/null || { echo "pre-commit is needed: pip install pre-commit" >&2; exit 1; }
# pre-commit builds this repository's hooks with `cargo install`; one target folder lets
# each build after the first reuse it.
export PRE_COMMIT_HOME="$work/cache" CARGO_TARGET_DIR="$work/target" APLAN_TODAY=2017-01-10
export PATH="$here/target/debug:$PATH"
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
git() { command git -c user.name=Test -c user.email=test@example.org -c commit.gpgsign=false "$@"; }

aplan init "$work/plans" --library "Pre-commit Test Library" >/dev/null
cd "$work/plans"
git init -q
# A second department and plan, looked after by mblake.
cat >>aplan.toml <<'TOML'

[[departments]]
id = "music"
name = "Department of Music"
liaison = "mblake"
TOML
# Its action is an initiative of its own, so jsmith has two.
sed -e 's/^department = "history"/department = "music"/' -e '/^initiative = /d' \
  plans/2017/history.toml >plans/2017/music.toml
pre-commit install >/dev/null
git add -A
git commit -qm "A new plans repository" || { echo "the hooks blocked a clean repository" >&2; exit 1; }

expect_blocked() {
  if git commit -qm "$1" >"$work/commit.log" 2>&1; then
    cat "$work/commit.log"
    echo "pre-commit let through: $1" >&2
    exit 1
  fi
  grep -q "$2" "$work/commit.log" || { cat "$work/commit.log"; exit 1; }
}

expect_passed() {
  git commit -qm "$1" >"$work/commit.log" 2>&1 || {
    cat "$work/commit.log"
    echo "pre-commit blocked: $1" >&2
    exit 1
  }
}

check_hooks() {
  # Deleting mblake breaks music's plan, which only aplan.toml's change touches.
  sed -i '/^\[\[staff\]\]$/{N;/id = "mblake"/{N;N;d}}' aplan.toml
  ! grep -q 'id = "mblake"' aplan.toml
  git add aplan.toml
  expect_blocked "mblake leaves" "unknown-staff"
  git reset -q --hard

  # Someone over a limit already (committed without the hooks) ...
  sed -i 's/^max_initiatives_per_librarian = 6/max_initiatives_per_librarian = 1/' aplan.toml
  git add aplan.toml
  git commit -qm "A lower limit" --no-verify
  if "$here/target/debug/aplan" workload --check >/dev/null; then
    echo "nobody is over the lower limit" >&2
    exit 1
  fi
  # ... does not block a typo fix in a plan.
  sed -i 's/Review Year 1 reading lists/Review the Year 1 reading lists/' plans/2017/music.toml
  git add plans/2017/music.toml
  expect_passed "A typo fixed"
  # A change that puts someone further over the limit is blocked.
  cat >>plans/2017/music.toml <<'TOML'

[[actions]]
id = "scores"
title = "Buy the scores for the new opera module"
themes = ["reading-lists"]
owner = "jsmith"
status = "proposed"
TOML
  git add plans/2017/music.toml
  expect_blocked "One more for jsmith" "jsmith has 3 active initiatives; the limit is 1"
  git reset -q --hard HEAD~2
}

# The hooks `aplan init` wrote, running the aplan on the PATH.
check_hooks

# This repository's hooks (.pre-commit-hooks.yaml), built by pre-commit with Cargo.
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $(command git -C "$here" rev-parse HEAD)
    hooks:
      - id: aplan-validate
      - id: aplan-workload
YAML
git add .pre-commit-config.yaml
git commit -qm "Hooks from aplan's repository" --no-verify
export PATH="${PATH#"$here/target/debug:"}"
check_hooks
echo "pre-commit hooks: a breaking commit is blocked, an unrelated one is not"
