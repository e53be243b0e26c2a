#!/usr/bin/env bash
# Idempotent set-up: a virtual environment in .venv with torch (CPU build on disk) installed
# before sentence-transformers, then the project in editable mode with its test extras.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
VPIP=".venv/bin/python -m pip"
stamp=.venv/.budgetqa-setup
want=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "setup: .venv is up to date"
  exit 0
fi
$VPIP install -q --upgrade pip
# torch first and pinned: anything else would pull a multi-GB CUDA build.
$VPIP install -q "torch==2.13.0"
$VPIP install -q -e ".[test,server]"  # server: psycopg, for PostgreSQL (tests/test_servers.py)
echo "$want" > "$stamp"
echo "setup: done"
