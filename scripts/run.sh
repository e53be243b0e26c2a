#!/usr/bin/env bash
# Start the chat on the sample corpus (ingested on first start by the app itself), bound to localhost.
# No file watcher: the app is run, not edited here (and a large home would overflow inotify).
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
export BUDGETQA_HOME="${BUDGETQA_HOME:-$PWD/.budgetqa}"
# scripts/serve.py: `streamlit run app.py` with the app's modules imported before the first visitor comes.
exec .venv/bin/python scripts/serve.py --server.address 127.0.0.1 --server.port "${PORT:-8501}" \
  --server.headless true --browser.gatherUsageStats false --client.toolbarMode minimal \
  --server.fileWatcherType none
