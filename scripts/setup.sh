#!/usr/bin/env bash
# Set up strikewatch on a fresh machine: a virtualenv in .venv with the package and its dev tools.
# Usage: bash scripts/setup.sh [--with-test-services]
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# -q and PYTHONWARNINGS: no build banners; constraints.txt: the versions CI tested (scripts/lock.sh renews it)
export PYTHONWARNINGS=ignore
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install -q -c constraints.txt -e '.[dev]' 2>&1 | grep -v "^WARNING: Location" || true
unset PYTHONWARNINGS
.venv/bin/python -c "import strikewatch" || { echo "setup: strikewatch failed to install" >&2; exit 1; }
# Web assets (Leaflet, map boundaries, Swagger UI) from the npm registry into strikewatch/web/static/vendor/.
if command -v npm >/dev/null 2>&1; then
  bash scripts/fetch_assets.sh
else
  echo "setup: npm not found; the web app's map and /docs need 'bash scripts/fetch_assets.sh' after installing Node.js" >&2
fi

if [ "${1:-}" = "--with-test-services" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  need_apt=()
  command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
  if [ ${#need_apt[@]} -gt 0 ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  # trust auth and a database "test" (already so on the project's machines; made so elsewhere)
  psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1 || \
    $SUDO -u postgres createdb test 2>/dev/null || true
fi
