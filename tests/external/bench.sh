#!/usr/bin/env bash
# The benchmark keeps working: the generator writes the same repository twice over, that
# repository validates, and bench/run.sh times every command on it (a small corpus and
# the debug build, so the figures mean nothing here; bench/run.sh in the README does).
set -euo pipefail
cd "$(dirname "$0")/../.."

cargo build --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== the generator is deterministic"
python3 bench/generate.py 120 "$work/one"
python3 bench/generate.py 120 "$work/two"
diff -r "$work/one" "$work/two" >/dev/null || { echo "two runs wrote different files" >&2; exit 1; }
python3 bench/generate.py 120 "$work/other" --seed other
if diff -r "$work/one" "$work/other" >/dev/null; then
  echo "another seed wrote the same files" >&2
  exit 1
fi
echo "same seed, same files; another seed, other files"

echo "== bench/run.sh on 300 plans"
bench/run.sh --plans 300 --runs 1 --aplan target/debug/aplan | tee "$work/report.txt"
for name in cat validate themes workload "actions --format csv" "render --year" "render --out (every plan)"; do
  grep -qF -- "$name" "$work/report.txt" || { echo "the report has no line for $name" >&2; exit 1; }
done
echo "every command was timed"
