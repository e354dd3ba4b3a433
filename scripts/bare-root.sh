#!/usr/bin/env bash
# Makes (once) and prints the path of a minimal Debian root for trying the dist
# tarball on a bare system: debootstrap --variant=minbase from the mirror this
# machine's apt uses, plus what a CI runner has (curl, git, CA certificates) —
# no Swift, no cmark. Cached: a finished root is reused; a half-made one is not.
#
# usage: scripts/bare-root.sh DIR        (needs root)
set -euo pipefail
root=${1:?usage: bare-root.sh DIR}
if [ -f "$root/.bare-root-complete" ]; then echo "$root"; exit 0; fi
[ "$(id -u)" = 0 ] || { echo "bare-root.sh: debootstrap and chroot need root" >&2; exit 1; }
command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }

# The first Debian mirror and the suite apt uses here (deb822 .sources or one-line .list).
mirror=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1 || true)
if [ -z "$mirror" ]; then
  mirror=$(grep -hE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -v security \
    | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-stable}")

partial="$root.partial"
rm -rf "$partial"
mkdir -p "$(dirname "$root")"
echo "bare-root: debootstrap --variant=minbase $suite from $mirror into $root" >&2
debootstrap --variant=minbase --include=curl,ca-certificates,git "$suite" "$partial" "$mirror" >&2
# A bare system has neither: the check fails loudly if that ever changes.
if chroot "$partial" sh -c 'command -v swift || ls /usr/lib/*/libcmark* /usr/lib/*/libswift* 2>/dev/null'; then
  echo "bare-root: Swift or cmark found in the root" >&2; exit 1
fi
chroot "$partial" apt-get clean >&2
touch "$partial/.bare-root-complete"
rm -rf "$root"
mv "$partial" "$root"
echo "$root"
