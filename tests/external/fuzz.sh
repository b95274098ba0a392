#!/usr/bin/env bash
# A short run of each fuzz target (fuzz/fuzz_targets/), seeded from the bundled plans and
# the test fixtures. A crash fails the run and leaves the input in fuzz/artifacts/<target>/.
#
#   bash tests/external/fuzz.sh            # 20 seconds per target, as CI runs it
#   FUZZ_SECONDS=3600 bash tests/external/fuzz.sh render   # one target, for an hour
#
# cargo fuzz drives libFuzzer, which needs unstable compiler flags: a nightly toolchain
# when one is installed, else the default toolchain with RUSTC_BOOTSTRAP=1. aplan forbids
# unsafe code, so the targets run without AddressSanitizer (FUZZ_SANITIZER=address turns
# it on), several times faster. Each target's libFuzzer log is kept in fuzz/logs/.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${FUZZ_SECONDS:-20}"
sanitizer="${FUZZ_SANITIZER:-none}"
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(parse validate render update)
fi

command -v cargo-fuzz >/dev/null || cargo install --locked --quiet cargo-fuzz
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi

# Seeds: every settings and plan file of the bundled repository and the fixtures.
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  find aplan.toml plans tests/fixtures -name '*.toml' -type f -size -64k | while read -r file; do
    cp "$file" "$corpus/seed-$(printf '%s' "$file" | tr '/' '_')"
  done
done

(cd fuzz && "${fuzz[@]}" build --sanitizer "$sanitizer")
mkdir -p fuzz/logs
for target in "${targets[@]}"; do
  echo "-- fuzz $target for ${seconds}s"
  log="fuzz/logs/$target.log"
  if ! (cd fuzz && "${fuzz[@]}" run --sanitizer "$sanitizer" "$target" -- \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1) >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz target $target failed: the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E '^#[0-9]+' "$log" | tail -n 1 || true
  grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added)' "$log" || true
done
