#!/usr/bin/env bash
# Times aplan on a generated plans repository, next to `cat` of the same files and, where
# they are installed, check-jsonschema and Taplo validating the same files against
# `aplan schema plan`. Prints the median wall time of each command, its ratio to `cat`
# (and, for the reports, to `aplan validate`; for the peers, how many times slower than
# aplan they are), and the peak memory from /usr/bin/time -v.
#
#   bench/run.sh                      10,000 plans, 3 runs each, an optimised build
#   bench/run.sh --plans 3000,30000   two corpora, and how validate grows between them
#   bench/run.sh --plans 200 --runs 1 --aplan target/debug/aplan   the CI smoke run
#
# Options:
#   --plans N[,N…]   corpus sizes (default 10000)
#   --runs R         runs per command; the median time and the largest peak are shown (3)
#   --peer-runs R    runs of check-jsonschema and Taplo, which are slow (1)
#   --aplan PATH     the binary to time (default: build target/release/aplan)
#   --no-peers       leave check-jsonschema and Taplo out
#   --keep DIR       write the corpora under DIR and keep them (default: a temporary folder)
#
# Timings are for people to read, not a test: the script fails only when something does
# not run, or when the generated corpus does not validate.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

sizes=10000
runs=3
peer_runs=1
aplan=
peers=1
keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --plans) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --peer-runs) peer_runs=$2; shift 2 ;;
    --aplan) aplan=$2; shift 2 ;;
    --no-peers) peers=0; shift ;;
    --keep) keep=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

if [ -z "$aplan" ]; then
  echo "== building an optimised aplan" >&2
  cargo build --release --locked --quiet
  aplan=$repo/target/release/aplan
fi
aplan=$(cd "$(dirname "$aplan")" && pwd)/$(basename "$aplan")
"$aplan" --version >/dev/null

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
"$aplan" schema plan >"$work/plan.schema.json"

has() { command -v "$1" >/dev/null 2>&1; }
supports() { "$aplan" "$1" --help >/dev/null 2>&1; }

# measure NAME RUNS COMMAND…: runs COMMAND in the current folder RUNS times, its output
# thrown away, and records the median wall time (seconds) and the largest peak RSS (KiB).
declare -A seconds peak
measure() {
  local name=$1 times=$2
  shift 2
  local samples=() max=0 i start end rss
  for ((i = 0; i < times; i++)); do
    rm -rf "$work/out"
    start=$(date +%s%N)
    if ! /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt"; then
      echo "$name failed:" >&2
      cat "$work/stderr.txt" "$work/time.txt" >&2
      exit 1
    fi
    end=$(date +%s%N)
    samples+=("$(((end - start) / 1000000))")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    ((rss > max)) && max=$rss
  done
  seconds[$name]=$(printf '%s\n' "${samples[@]}" | sort -n |
    awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m / 1000 }')
  peak[$name]=$max
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

row() {
  local name=$1 against=$2
  printf '%-34s %8.3f %8s× %10s %9s MiB\n' "$name" "${seconds[$name]}" \
    "$(ratio "${seconds[$name]}" "${seconds[cat]}")" "$against" "$(mib "${peak[$name]}")"
}

declare -A validate_at
for n in ${sizes//,/ }; do
  seconds=()
  peak=()
  corpus=$work/corpus-$n
  if [ ! -f "$corpus/aplan.toml" ]; then
    python3 bench/generate.py "$n" "$corpus"
  fi
  cd "$corpus"
  files=(plans/*/*.toml)
  # Every file validate reads (plans, contacts, interactions, reviews): what `cat` reads
  # and what the memory limit counts.
  folders=()
  for folder in plans contacts interactions reviews; do
    [ -d "$folder" ] && folders+=("$folder")
  done
  find "${folders[@]}" -name '*.toml' | sort >"$work/files.txt"
  bytes=$(xargs -a "$work/files.txt" cat | wc -c)
  count=$(wc -l <"$work/files.txt")
  latest=$(basename "$(find plans -mindepth 1 -maxdepth 1 -type d | sort | tail -n 1)")
  latest_count=$(find "plans/$latest" -name '*.toml' | wc -l)

  # The corpus must be valid: findings would time the error paths, not the checks.
  if ! "$aplan" -q validate >"$work/validate.txt"; then
    tail -n 20 "$work/validate.txt" >&2
    echo "the generated corpus of $n plans does not validate" >&2
    exit 1
  fi

  xargs -a "$work/files.txt" cat >/dev/null # into the page cache, as for every tool after it
  measure cat "$runs" xargs -a "$work/files.txt" cat
  measure validate "$runs" "$aplan" validate
  measure themes "$runs" "$aplan" themes
  measure workload "$runs" "$aplan" workload
  measure "actions --format csv" "$runs" "$aplan" actions --format csv
  department=$(basename "${files[-1]}" .toml)
  if supports activity; then
    measure activity "$runs" "$aplan" activity --today "$latest-09-01"
    measure "history DEPT" "$runs" "$aplan" history "$department"
  fi
  measure "render --year $latest --out" "$runs" "$aplan" -q render --year "$latest" --format html --out "$work/out"
  measure "render --out (every plan)" "$runs" "$aplan" -q render --format html --out "$work/out" "${files[@]}"
  if supports site; then
    measure "site --out" "$runs" "$aplan" -q site --out "$work/out"
  fi
  # update loads, edits one plan, validates the edited repository and writes: time it on
  # the first action of the last plan, putting the plan back after each run.
  plan=${files[-1]}
  action=$(awk -F'"' '/^\[\[actions\]\]/ { getline; print $2; exit }' "$plan")
  by=$(awk -F'"' '/^by = / { print $2; exit }' "$plan")
  reference=$(basename "$plan" .toml)/$latest/$action
  cp "$plan" "$work/plan.toml"
  printf '#!/bin/sh\n"%s" -q update "%s" --note Timed --by "%s" --date %s-11-01 --today %s-11-01 && cp "%s" "%s"\n' \
    "$aplan" "$reference" "$by" "$latest" "$latest" "$work/plan.toml" "$plan" >"$work/update.sh"
  measure update "$runs" sh "$work/update.sh"
  peer_names=()
  if [ "$peers" = 1 ] && has check-jsonschema; then
    measure check-jsonschema "$peer_runs" check-jsonschema --schemafile "$work/plan.schema.json" "${files[@]}"
    peer_names+=(check-jsonschema)
  fi
  if [ "$peers" = 1 ] && has taplo; then
    measure "taplo lint --schema" "$peer_runs" taplo lint --no-auto-config \
      --schema "file://$work/plan.schema.json" "${files[@]}"
    peer_names+=("taplo lint --schema")
  fi
  cd "$repo"
  validate_at[$n]=${seconds[validate]}

  corpus_mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
  echo
  echo "== $n plans ($count files, $corpus_mib MiB, $latest_count plans in $latest); median of $runs runs, peers $peer_runs"
  printf '%-34s %9s %9s %10s %13s\n' command seconds "× cat" "× validate" "peak memory"
  row cat ""
  row validate ""
  for name in update themes workload "actions --format csv" activity "history DEPT" "render --year $latest --out" \
    "render --out (every plan)" "site --out"; do
    [ -n "${seconds[$name]:-}" ] && row "$name" "$(ratio "${seconds[$name]}" "${seconds[validate]}")×"
  done
  for name in "${peer_names[@]}"; do
    row "$name" "$(ratio "${seconds[$name]}" "${seconds[validate]}")×"
  done

  echo "-- against the targets"
  awk -v v="${seconds[validate]}" -v c="${seconds[cat]}" \
    'BEGIN { printf "validate is %.1f× cat (target at most 2×)\n", v / c }'
  for name in "${peer_names[@]}"; do
    target=""
    [[ $name == taplo* ]] && target=" (target at least 20×)"
    awk -v v="${seconds[validate]}" -v p="${seconds[$name]}" -v n="$name" -v t="$target" \
      'BEGIN { printf "validate is %.1f× faster than %s%s\n", p / v, n, t }'
  done
  awk -v k="${peak[validate]}" -v b="$bytes" \
    'BEGIN { printf "validate peaks at %.0f MiB; the limit for this corpus is %.0f MiB (3× corpus + 50)\n", k / 1024, 3 * b / 1048576 + 50 }'
  awk -v t="${seconds[update]}" -v v="${seconds[validate]}" \
    'BEGIN { printf "update is %.1f× validate (target at most 1.3×)\n", t / v }'
  for name in themes workload "actions --format csv" activity "history DEPT"; do
    [ -n "${seconds[$name]:-}" ] || continue
    awk -v t="${seconds[$name]}" -v v="${seconds[validate]}" -v n="$name" \
      'BEGIN { printf "%s is %.1f× validate (target at most 2×)\n", n, t / v }'
  done
done

set -- ${sizes//,/ }
if [ $# -gt 1 ]; then
  first=$1
  last=${!#}
  echo
  awk -v a="${validate_at[$first]}" -v b="${validate_at[$last]}" -v n="$first" -v m="$last" \
    'BEGIN { printf "validate: %d plans take %.1f× the time of %d plans, for %.1f× the plans\n", m, b / a, n, m / n }'
fi

if has hyperfine; then
  echo
  echo "== the bundled repository ($(find plans -name '*.toml' | wc -l) plans)"
  hyperfine --warmup 5 --runs 50 --style basic -N "$aplan validate" 2>&1 | sed -n '/Time/,/Range/p'
fi
