#!/usr/bin/env bash
# The main job: set up, ingest the bundled example reports into the default database (strikewatch.db here, the
# one every strikewatch command reads unless told otherwise), print the strike table and the next commands, then
# serve the web UI at http://127.0.0.1:8000 (Ctrl-C to stop).
# Usage: bash scripts/demo.sh [--no-serve] [--port N]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/strikewatch demo "$@"
