#!/usr/bin/env bash
# Nothing aplan does reaches the network: every command that reads plans, renders them or
# writes files runs under strace, and none may open a network socket.
set -euo pipefail
cd "$(dirname "$0")/../.."

cargo build --locked --quiet
aplan="$PWD/target/debug/aplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r aplan.toml plans "$work/"
run() {
  (cd "$work" && strace -f -qq -e trace=socket,connect -o "$work/trace" "$aplan" --today 2017-04-10 "$@" >/dev/null 2>&1) || true
  if grep -E 'AF_INET|AF_INET6|AF_PACKET|AF_NETLINK' "$work/trace"; then
    echo "aplan $* opened a network socket" >&2
    exit 1
  fi
}
git -C "$work" init -q
git -C "$work" add -A
git -C "$work" -c user.name=Test -c user.email=test@example.org -c commit.gpgsign=false commit -qm "The plans"
run validate
run validate --new-from-rev HEAD
run workload --check --new-from-rev HEAD
run diff HEAD --format md
run render --year 2017 --format html --out "$work/out"
run render history/2017 --format md
run themes --format html
run workload
run actions --format json
run timeline --format ics
run export --format yaml
run new history --year 2018
run update history/2017/year1-lists --note "checked offline" --by jsmith
run templates --dump "$work/templates"
run init "$work/new"
echo "no network socket opened by any command"
