#!/usr/bin/env bash
# Terminal manners on a real terminal (script(1) gives the command a pseudo-terminal):
# colour on a terminal but none with TERM=dumb or NO_COLOR, and a progress bar while
# `render --out` writes many plans, but not with TERM=dumb, -q or output to a pipe.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v script >/dev/null || { echo "script(1) is not installed (util-linux)"; exit 1; }
cargo build --locked --quiet
aplan="$PWD/target/debug/aplan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export APLAN_TODAY=2017-04-10

on_terminal() { # OUTPUT-FILE COMMAND…
  local out=$1
  shift
  TERM=${TERM_FOR_TEST:-xterm} script -qec "$*" /dev/null >"$out" 2>&1 || true
}
escapes() { grep -c $'\e\\[' "$1" || true; }

on_terminal "$work/colour" "$aplan" workload
[ "$(escapes "$work/colour")" -gt 0 ] || { echo "no colour on a terminal"; exit 1; }
TERM_FOR_TEST=dumb on_terminal "$work/dumb" "$aplan" workload
[ "$(escapes "$work/dumb")" -eq 0 ] || { echo "colour with TERM=dumb"; cat -v "$work/dumb"; exit 1; }
NO_COLOR=1 on_terminal "$work/no-colour" "$aplan" workload
[ "$(escapes "$work/no-colour")" -eq 0 ] || { echo "colour with NO_COLOR"; exit 1; }

on_terminal "$work/progress" "$aplan" render --year 2017 --out "$work/out1"
grep -q "rendering" "$work/progress" || { echo "no progress for render --out"; cat -v "$work/progress"; exit 1; }
TERM_FOR_TEST=dumb on_terminal "$work/progress-dumb" "$aplan" render --year 2017 --out "$work/out2"
! grep -q "rendering" "$work/progress-dumb" || { echo "progress with TERM=dumb"; exit 1; }
on_terminal "$work/progress-quiet" "$aplan" -q render --year 2017 --out "$work/out3"
! grep -q "rendering" "$work/progress-quiet" || { echo "progress with -q"; exit 1; }
"$aplan" render --year 2017 --out "$work/out4" 2>"$work/piped"
! grep -q "rendering" "$work/piped" || { echo "progress into a pipe"; exit 1; }
echo "terminal: colour and progress on a terminal only, none with TERM=dumb, NO_COLOR or -q"
