# Every target works on a fresh machine: setup is idempotent and the others call it first.
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: setup run test bench
setup:
	bash scripts/setup.sh

run: setup
	bash scripts/run.sh

test: setup
	bash scripts/test.sh

bench: setup
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/answer.py
