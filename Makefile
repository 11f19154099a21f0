# asnbot — make run | make test | make lint | make fmt | make eval
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint fmt chat eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's metadata changes: fast when .venv is there.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/asnbot db upgrade
	$(BIN)/asnbot run

chat: $(STAMP)
	$(BIN)/asnbot chat

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

# The README's accuracy figures: blind and development sets, each beside the baseline.
eval: $(STAMP)
	$(BIN)/asnbot eval --baseline
	$(BIN)/asnbot eval --baseline tests/eval/dev/dev.jsonl

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(TEST_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
