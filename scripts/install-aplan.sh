#!/usr/bin/env bash
# Installs aplan for the machine it runs on: the release asset for its system and
# processor, refused unless its SHA-256 matches the release's checksum file; when the
# version has no release asset for the machine, `cargo install --locked --git` at that
# version instead. Used by this repository's action.yml; runs anywhere bash, curl and tar
# (unzip on Windows) are.
#
# Settings, from the environment:
#   APLAN_VERSION       the tag (v0.2.0), branch or commit to install; in the action, the
#                       ref it is used at
#   APLAN_REPOSITORY    OWNER/NAME of aplan's GitHub repository
#   APLAN_RELEASES_URL  where the release assets are, <url>/<tag>/<asset> [default
#                       https://github.com/$APLAN_REPOSITORY/releases/download]
#   APLAN_GIT_URL       what to build from when there is no asset [default
#                       https://github.com/$APLAN_REPOSITORY]
#   APLAN_INSTALL_DIR   the folder aplan is put in [default $RUNNER_TEMP/aplan/bin, else
#                       ~/.local/bin]
#   RUNNER_OS, RUNNER_ARCH   as GitHub sets them (Linux/macOS/Windows, X64/ARM64)
#                       [default from uname]
set -euo pipefail

fail() {
  echo "install-aplan: $*" >&2
  exit 1
}

# The action's own folder is .../_actions/OWNER/NAME/REF: what GitHub leaves empty can be
# read from it.
if [ -n "${GITHUB_ACTION_PATH:-}" ]; then
  action_ref=$(basename "$GITHUB_ACTION_PATH")
  action_repo=$(basename "$(dirname "$(dirname "$GITHUB_ACTION_PATH")")")/$(basename "$(dirname "$GITHUB_ACTION_PATH")")
  : "${APLAN_VERSION:=$action_ref}"
  : "${APLAN_REPOSITORY:=$action_repo}"
fi
version=${APLAN_VERSION:-}
repository=${APLAN_REPOSITORY:-}
[ -n "$version" ] || fail "no version to install: set APLAN_VERSION, such as v0.2.0"
[ -n "$repository" ] || fail "no repository to install from: set APLAN_REPOSITORY to OWNER/NAME"
releases=${APLAN_RELEASES_URL:-https://github.com/$repository/releases/download}
git_url=${APLAN_GIT_URL:-https://github.com/$repository}
if [ -n "${APLAN_INSTALL_DIR:-}" ]; then
  bin=$APLAN_INSTALL_DIR
elif [ -n "${RUNNER_TEMP:-}" ]; then
  bin=$RUNNER_TEMP/aplan/bin
else
  bin=$HOME/.local/bin
fi

os=${RUNNER_OS:-$(uname -s)}
arch=${RUNNER_ARCH:-$(uname -m)}
case "$os/$arch" in
  Linux/X64 | Linux/x86_64) target=x86_64-unknown-linux-musl ;;
  Linux/ARM64 | Linux/aarch64 | Linux/arm64) target=aarch64-unknown-linux-musl ;;
  macOS/X64 | Darwin/x86_64) target=x86_64-apple-darwin ;;
  macOS/ARM64 | Darwin/arm64) target=aarch64-apple-darwin ;;
  Windows/X64 | MINGW*/x86_64 | MSYS*/x86_64) target=x86_64-pc-windows-msvc ;;
  *) target= ;;
esac
case "$target" in
  *windows*) archive=aplan-$target.zip exe=aplan.exe ;;
  *) archive=aplan-$target.tar.gz exe=aplan ;;
esac

mkdir -p "$bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sha256() {
  if command -v sha256sum >/dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# From source at the version, when there is no asset to download.
build() {
  command -v cargo >/dev/null || fail "$1, and cargo is not installed to build aplan from $git_url"
  echo "install-aplan: $1; building aplan $version from $git_url" >&2
  case "$version" in
    v[0-9]*) at=(--tag "$version") ;;
    *[!0-9a-f]* | "") at=(--branch "$version") ;;
    *) at=(--rev "$version") ;;
  esac
  root=$work/cargo
  cargo install --locked --git "$git_url" "${at[@]}" --root "$root" aplan
  cp "$root/bin/$exe" "$bin/$exe"
}

if [ -z "$target" ]; then
  build "no release asset for $os on $arch"
elif ! curl -fsSL --retry 3 -o "$work/$archive" "$releases/$version/$archive" 2>/dev/null; then
  build "no release asset $archive for $version"
else
  # The release's checksum file is aplan-<target>.sha256, as sha256sum writes it:
  # "<hash>  <archive>" a line.
  sums=aplan-$target.sha256
  curl -fsSL --retry 3 -o "$work/$sums" "$releases/$version/$sums" ||
    fail "the release has no checksum file $sums for $archive; refusing to install it"
  expected=$(tr -d '\r' <"$work/$sums" | awk -v name="$archive" '{ f = $2; sub(/^\*/, "", f) } f == name { print tolower($1); exit }')
  [ -n "$expected" ] || fail "$sums has no checksum for $archive; refusing to install it"
  actual=$(sha256 "$work/$archive")
  if [ "$expected" != "$actual" ]; then
    fail "the SHA-256 of $archive is $actual, but the release says $expected; refusing to install it"
  fi
  mkdir "$work/unpacked"
  case "$archive" in
    *.zip) unzip -q "$work/$archive" -d "$work/unpacked" ;;
    *) tar -xzf "$work/$archive" -C "$work/unpacked" ;;
  esac
  found=$(find "$work/unpacked" -type f -name "$exe" | head -n 1)
  [ -n "$found" ] || fail "$archive holds no $exe"
  cp "$found" "$bin/$exe"
  chmod +x "$bin/$exe"
fi

if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$bin" >>"$GITHUB_PATH"
fi
echo "install-aplan: installed $("$bin/$exe" --version) in $bin" >&2
