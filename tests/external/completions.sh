#!/usr/bin/env bash
# The completion scripts in the real shells: `aplan completions bash` sourced into bash and
# its function called as bash calls it at a TAB press (COMP_WORDS, COMP_CWORD, COMP_TYPE);
# `aplan completions zsh` sourced into zsh and its function called with `words` and
# `CURRENT`, zsh's `_describe` replaced by one that prints what it would offer; and
# `aplan completions fish` sourced into fish and asked with `complete --do-complete`; on
# the bundled plans and outside any plans repository.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
aplan="$here/target/debug/aplan"
nowhere=$(mktemp -d)
trap 'rm -rf "$nowhere"' EXIT
failed=0

# Compares what a TAB press offered with what it should have, one candidate a line.
expect() {
  local what=$1 got=$2 want=$3
  if [[ "$got" != "$want" ]]; then
    printf 'FAIL %s\n--- expected\n%s\n--- got\n%s\n' "$what" "$want" "$got"
    failed=1
  else
    echo "ok   $what"
  fi
}

# bash: the candidates for the last word of `aplan WORDS…`, values only (not options).
bash_tab() {
  bash -c '
    set -u
    source <("$0" completions bash)
    complete -p aplan >/dev/null
    COMP_WORDS=(aplan "$@")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMP_TYPE=9
    _clap_complete_aplan aplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    for candidate in "${COMPREPLY[@]}"; do
      [[ $candidate == -* ]] || printf "%s\n" "$candidate"
    done
  ' "$aplan" "$@"
}

cd "$here"
expect "bash: update <TAB>" "$(bash_tab update '' | head -3)" \
  "archaeology/
biology/
chemistry/"
expect "bash: update history/<TAB>" "$(bash_tab update history/)" \
  "history/2017/
history/2016/"
expect "bash: update history/2017/d<TAB>" "$(bash_tab update history/2017/d)" \
  "history/2017/deposit-reminders
history/2017/digital-sources-guide"
expect "bash: render che<TAB>" "$(bash_tab render che)" \
  "chemistry/2017
chemistry/2016"
expect "bash: actions --owner hp<TAB>" "$(bash_tab actions --owner hp)" "hpatel"
expect "bash: actions --department p<TAB>" "$(bash_tab actions --department p)" \
  "philosophy
physics
politics"
expect "bash: actions --theme re<TAB>" "$(bash_tab actions --theme re)" \
  "reading-lists
research-data"
expect "bash: explain unknown-th<TAB>" "$(bash_tab explain unknown-th)" "unknown-theme"

cd "$nowhere"
expect "bash, no repository: actions --owner <TAB>" \
  "$(bash_tab actions --owner '' 2>&1)" ""
expect "bash, no repository: update h<TAB>" "$(bash_tab update h 2>&1)" ""
expect "bash, no repository: explain unknown-th<TAB>" \
  "$(bash_tab explain unknown-th 2>&1)" "unknown-theme"
expect "bash, --root on the line: update --root DIR history/2016/<TAB>" \
  "$(bash_tab update --root "$here" history/2016/ 2>&1 | head -1)" "history/2016/year1-lists"

# zsh: the candidates for the last word of `aplan WORDS…` as zsh's `_describe` would get
# them: the value with the suffix zsh adds (`/` after a folder-like part) and, after a tab,
# what it names. Outside a completion widget the completion system cannot run, so
# `_describe` and `compdef` are stood in for; the script's own code runs as it is.
zsh_tab() {
  zsh -f -c '
    compdef() { [[ $1 == _clap_dynamic_completer_aplan && $2 == aplan ]] || exit 3; }
    _describe() {
      local list=$3 suffix= entry value
      [[ ${4-} == -S ]] && suffix=$5
      for entry in "${(@P)list}"; do
        value=${entry%%:*}
        [[ $entry == *:* ]] && value+="$suffix	${entry#*:}" || value+=$suffix
        print -r -- $value
      done
    }
    source <("$0" completions zsh)
    words=(aplan "$@")
    CURRENT=${#words}
    _clap_dynamic_completer_aplan
  ' "$aplan" "$@"
}

if command -v zsh >/dev/null; then
  cd "$here"
  expect "zsh: aplan update history/<TAB>" "$(zsh_tab update history/)" \
    "history/2017/
history/2016/"
  expect "zsh: aplan update history/2017/s<TAB>" "$(zsh_tab update history/2017/s)" \
    "history/2017/seating-survey	Seat occupancy survey for the Raine Building"
  expect "zsh: aplan actions --owner r<TAB>" "$(zsh_tab actions --owner r)" \
    "rkerr	Rachel Kerr"
  expect "zsh: aplan explain bad-s<TAB>" "$(zsh_tab explain bad-s | cut -f1)" "bad-symlink
bad-slug"
  cd "$nowhere"
  expect "zsh, no repository: aplan render h<TAB>" "$(zsh_tab render h 2>&1)" ""
elif [[ "${CI:-}" == true ]]; then
  echo "FAIL zsh is not installed; .ci/run installs it"
  failed=1
else
  echo "skip zsh: not installed (.ci/run installs it)"
fi

# fish: what `complete --do-complete` lists for the command line, value and description.
fish_tab() {
  fish --no-config -c "$aplan completions fish | source; complete --do-complete '$1'"
}

if command -v fish >/dev/null; then
  cd "$here"
  expect "fish: aplan update history/2017/a<TAB>" "$(fish_tab 'aplan update history/2017/a')" \
    "history/2017/archives-workshop	Archives workshop built into HIS2050"
  expect "fish: aplan actions --owner hp<TAB>" "$(fish_tab 'aplan actions --owner hp')" \
    "hpatel	Hannah Patel"
  expect "fish: aplan render history/<TAB>" "$(fish_tab 'aplan render history/')" \
    "history/2017
history/2016"
  cd "$nowhere"
  expect "fish, no repository: aplan actions --theme <TAB>" \
    "$(fish_tab 'aplan actions --theme ' 2>&1)" ""
elif [[ "${CI:-}" == true ]]; then
  echo "FAIL fish is not installed; .ci/run installs it"
  failed=1
else
  echo "skip fish: not installed (.ci/run installs it)"
fi

exit "$failed"
