#!/usr/bin/env bash
# Run the whole test suite on a fresh machine: set up, start PostgreSQL, lint, type-check, build the wheel a user
# would install (the newcomer test installs it into a clean venv), test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-test-services
.venv/bin/ruff check .
.venv/bin/mypy strikewatch
dist="$(mktemp -d)"
trap 'rm -rf "$dist"' EXIT
PYTHONWARNINGS=ignore .venv/bin/python -m pip wheel --no-deps -q -w "$dist" . 2>&1 | grep -v "^WARNING: Location" || true
STRIKEWATCH_WHEEL="$(ls "$dist"/strikewatch-*.whl)"
export STRIKEWATCH_WHEEL
.venv/bin/pytest -q "$@"
