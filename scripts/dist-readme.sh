#!/bin/sh
# Prints the README of a dist tarball, with the figures measured on its binary.
# usage: scripts/dist-readme.sh STAGE-DIR   (the folder that becomes plan-build-<version>-linux-<arch>/)
set -eu
stage=${1:?usage: dist-readme.sh STAGE-DIR}
bin="$stage/bin/plan-build"
name=$(basename "$stage")
version=$("$bin" --version)
size=$(stat -c %s "$bin")
mib=$(awk "BEGIN { printf \"%.1f\", $size / 1048576 }")
glibc=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
libs=$(ldd "$bin" | awk '{print $1}' | sed 's,.*/,,' | sort | tr '\n' ' ' | sed 's/ $//')
cat <<EOF
# plan-build $version

A content-planning static site generator: checks a month of moments, group
topics, surprises and chats against cadence rules and renders the calendar site.

## Install

\`\`\`sh
curl -fsSL -O https://YOUR-HOST/$name.tar.gz -O https://YOUR-HOST/$name.tar.gz.sha256
sha256sum -c $name.tar.gz.sha256 && tar -xzf $name.tar.gz
sudo $name/install.sh $name.tar.gz     # or, without sudo: --prefix ~/.local
\`\`\`

\`install.sh URL-or-FILE [--sha256 HEX] [--prefix DIR]\` also downloads a URL itself
and refuses a tarball whose SHA-256 differs. Or copy by hand: \`bin/plan-build\` to a
folder on PATH, \`share/man/man1/*.1\` to a man folder, the completions from \`share/\`.

## Contents

- \`bin/plan-build\` — one binary, $size bytes ($mib MiB). The Swift runtime,
  Foundation (with ICU data), libcmark-gfm and jemalloc are linked in; it needs only
  glibc $glibc or newer and the C runtime's libraries: $libs.
- \`share/man/man1/\` — man pages (\`man plan-build\`).
- \`share/bash-completion/\`, \`share/zsh/\`, \`share/fish/\` — shell completions.
- \`share/plan-build/\` — the sticky pull-request comment script the CI files call.
- \`install.sh\` — the installer.

Start a planning repository with \`plan-build init plan && cd plan && plan-build serve\`.
EOF
