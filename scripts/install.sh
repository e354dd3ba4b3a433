#!/bin/sh
# Installs a plan-build release tarball: the binary, its man pages and shell
# completions. Refuses a tarball whose SHA-256 differs from the expected one
# (--sha256, else the .sha256 file published beside it) and installs nothing then.
#
# usage: install.sh URL-or-FILE [--sha256 HEX] [--prefix DIR]
#   --prefix  default /usr/local as root, else ~/.local
# Needs only sh, tar, gzip, sha256sum (or shasum) and, for a URL, curl or wget.
set -eu

die() { echo "install.sh: $*" >&2; exit 1; }

source=""
expected=""
prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sha256) [ $# -ge 2 ] || die "--sha256 needs a value"; expected=$2; shift 2 ;;
    --sha256=*) expected=${1#--sha256=}; shift ;;
    --prefix) [ $# -ge 2 ] || die "--prefix needs a value"; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$source" ] || die "one tarball at a time"; source=$1; shift ;;
  esac
done
[ -n "$source" ] || die "usage: install.sh URL-or-FILE [--sha256 HEX] [--prefix DIR]"
if [ -z "$prefix" ]; then
  if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/plan-build-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# download URL FILE: 0 when fetched, non-zero otherwise (404 included).
download() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    die "neither curl nor wget is installed: download $1 yourself and pass the file"
  fi
}

case "$source" in
  http://*|https://*)
    tarball="$tmp/plan-build.tar.gz"
    download "$source" "$tarball" || die "could not download $source"
    if [ -z "$expected" ] && download "$source.sha256" "$tmp/sum" 2>/dev/null; then
      expected=$(cut -d' ' -f1 "$tmp/sum")
    fi ;;
  *)
    [ -f "$source" ] || die "no such file: $source"
    tarball=$source
    if [ -z "$expected" ] && [ -f "$source.sha256" ]; then expected=$(cut -d' ' -f1 "$source.sha256"); fi ;;
esac

if command -v sha256sum >/dev/null 2>&1; then
  actual=$(sha256sum "$tarball" | cut -d' ' -f1)
else
  actual=$(shasum -a 256 "$tarball" | cut -d' ' -f1)
fi
if [ -n "$expected" ]; then
  expected=$(printf '%s' "$expected" | tr 'A-F' 'a-f')
  if [ "$expected" != "$actual" ]; then
    die "checksum mismatch for $source: expected $expected, got $actual. Nothing was installed."
  fi
  echo "install.sh: SHA-256 verified ($actual)"
else
  echo "install.sh: WARNING: no --sha256 given and no .sha256 beside the tarball; not verified ($actual)" >&2
fi

mkdir "$tmp/x"
tar -xzf "$tarball" -C "$tmp/x" || die "$source is not a gzip tarball"
top=$(find "$tmp/x" -mindepth 1 -maxdepth 1 -type d | head -1)
[ -n "$top" ] && [ -f "$top/bin/plan-build" ] || die "$source holds no plan-build-*/bin/plan-build"

# Every file of the tarball's bin/ and share/ goes to the same place under the prefix;
# the binary is renamed into place, so a running plan-build is never overwritten mid-file.
(cd "$top" && find bin share -type f) | while IFS= read -r file; do
  mode=644
  case "$file" in bin/*|*.sh) mode=755 ;; esac
  mkdir -p "$prefix/$(dirname "$file")"
  cp "$top/$file" "$prefix/$file.new.$$"
  chmod "$mode" "$prefix/$file.new.$$"
  mv -f "$prefix/$file.new.$$" "$prefix/$file"
done

version=$("$prefix/bin/plan-build" --version) || die "the installed $prefix/bin/plan-build does not run"
echo "install.sh: installed plan-build $version into $prefix"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "install.sh: add $prefix/bin to PATH, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
