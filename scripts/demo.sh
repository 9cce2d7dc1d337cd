#!/usr/bin/env bash
# The main job: set up, ingest the bundled example corpus into an embedded SQLite database,
# print the strike table, then serve the web UI at http://127.0.0.1:8000 (Ctrl-C to stop).
# Usage: bash scripts/demo.sh [--no-serve]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export STRIKEWATCH_DB=${STRIKEWATCH_DB:-sqlite:///demo.db}
.venv/bin/strikewatch ingest examples/articles || true   # a rejected input is reported, not fatal here
.venv/bin/strikewatch strikes --format table
if [ "${1:-}" != "--no-serve" ]; then
  exec .venv/bin/strikewatch serve --host 127.0.0.1 --port 8000
fi
