#!/usr/bin/env bash
# Run the whole test suite on a fresh machine: set up, start PostgreSQL, lint, type-check, test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-test-services
.venv/bin/ruff check .
.venv/bin/mypy strikewatch
exec .venv/bin/pytest -q "$@"
