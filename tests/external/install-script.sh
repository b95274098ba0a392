#!/usr/bin/env bash
# The action's install script (scripts/install-aplan.sh) against a fake release folder
# served from disk (file://): it installs the asset for the machine and refuses one whose
# checksum does not match the release's.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
aplan="$here/target/debug/aplan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in curl tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "$tool is needed for this check" >&2; exit 1; }
done

case "$(uname -m)" in
  x86_64) arch=X64 target=x86_64-unknown-linux-musl other=aarch64-unknown-linux-musl ;;
  aarch64 | arm64) arch=ARM64 target=aarch64-unknown-linux-musl other=x86_64-unknown-linux-musl ;;
  *) echo "no release target for $(uname -m)" >&2; exit 1 ;;
esac

# A release as the release workflow lays it out: aplan-<target>.tar.gz with the binary
# at the top, and aplan-<target>.sha256 as sha256sum writes it. The asset for the other
# processor holds a stand-in, so installing the wrong one shows.
release="$work/releases/v9.9.9"
mkdir -p "$release" "$work/pack/$target" "$work/pack/$other"
cp "$aplan" "$work/pack/$target/aplan"
printf '#!/bin/sh\necho "the wrong asset"\n' >"$work/pack/$other/aplan"
chmod +x "$work/pack/$other/aplan"
for t in "$target" "$other"; do
  tar -czf "$release/aplan-$t.tar.gz" -C "$work/pack/$t" aplan
  (cd "$release" && sha256sum "aplan-$t.tar.gz" >"aplan-$t.sha256")
done

install() {
  env -u GITHUB_ACTION_PATH -u RUNNER_TEMP \
    APLAN_VERSION=v9.9.9 APLAN_REPOSITORY=example/aplan \
    APLAN_RELEASES_URL="file://$work/releases" \
    APLAN_GIT_URL="file://$work/no-such-repository" \
    APLAN_INSTALL_DIR="$1" GITHUB_PATH="$work/github-path" \
    RUNNER_OS=Linux RUNNER_ARCH=$arch \
    bash "$here/scripts/install-aplan.sh"
}

install "$work/bin" 2>"$work/install.log" || { cat "$work/install.log" >&2; exit 1; }
"$work/bin/aplan" --version | grep -q "^aplan " || { echo "the installed aplan does not run" >&2; exit 1; }
cmp -s "$work/bin/aplan" "$aplan" || { echo "the asset for another machine was installed" >&2; exit 1; }
grep -qx "$work/bin" "$work/github-path" || { echo "aplan's folder was not put on the PATH" >&2; exit 1; }

# A tampered asset: same name, other bytes, the old checksum.
printf 'tampered' >>"$release/aplan-$target.tar.gz"
if install "$work/bin2" 2>"$work/tampered.log"; then
  echo "the install script installed an asset whose checksum does not match" >&2
  exit 1
fi
grep -q "refusing to install it" "$work/tampered.log" || { cat "$work/tampered.log" >&2; exit 1; }
[ ! -e "$work/bin2/aplan" ] || { echo "a refused asset was left in place" >&2; exit 1; }

# No checksum file: refused too, never installed unchecked.
rm "$release/aplan-$target.sha256"
if install "$work/bin3" 2>"$work/unchecked.log"; then
  echo "the install script installed an asset without a checksum" >&2
  exit 1
fi
grep -q "no checksum file" "$work/unchecked.log" || { cat "$work/unchecked.log" >&2; exit 1; }
echo "install script: installs the runner's asset, refuses a bad or missing checksum"
