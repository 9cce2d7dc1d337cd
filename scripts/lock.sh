#!/usr/bin/env bash
# Renew constraints.txt: resolve pyproject.toml's dependencies (with the dev extras) afresh in a throwaway venv and
# pin every package pip chose. scripts/setup.sh and the newcomer test install with `-c constraints.txt`, so a fresh
# machine gets the versions CI tested. Run it after changing a dependency; commit the result with that change.
# Usage: bash scripts/lock.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$PY" -m venv "$tmp/venv"
PYTHONWARNINGS=ignore "$tmp/venv/bin/python" -m pip install -q --upgrade pip
PYTHONWARNINGS=ignore "$tmp/venv/bin/python" -m pip install -q '.[dev]' 2> >(grep -v "^WARNING: Location" >&2)
{
  echo "# Versions CI tested, for $("$tmp/venv/bin/python" -c 'import sys; print("Python %d.%d" % sys.version_info[:2])') on Linux; made by scripts/lock.sh (do not edit by hand)."
  "$tmp/venv/bin/python" -m pip freeze --all --exclude strikewatch --exclude pip --exclude setuptools --exclude wheel
} > constraints.txt
echo "lock: $(grep -vc '^#' constraints.txt) packages pinned in constraints.txt"
