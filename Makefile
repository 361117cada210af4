# detente: two commands set everything up.
#   make run   - create .venv, install detente, ingest the example articles into the store detente.duckdb and
#                print the 2023 USA-CHN engagements with their lifecycles
#   make test  - create .venv, install detente with dev tools, run ruff, mypy and the whole test suite
PYTHON ?= python3.11
ifeq (, $(shell command -v $(PYTHON) 2>/dev/null))
PYTHON := python3
endif
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint typecheck bench clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

DB ?= detente.duckdb

run: $(STAMP)
	$(BIN)/detente ingest examples/ --db $(DB)
	$(BIN)/detente engagements --db $(DB) --dyad USA-CHN

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools

typecheck: $(STAMP)
	$(BIN)/mypy

# Debian's chromium for the end-to-end browser test (driven by Playwright; Playwright's own browser download
# is never used). Idempotent: does nothing when it is installed; when it cannot be installed the browser test
# skips and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo "sudo -n" ); \
	  echo "installing Debian's chromium for the browser test"; \
	  { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; } \
	    || echo "warning: chromium could not be installed; the browser test will be skipped"; }

test: $(STAMP) browser lint typecheck
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_code.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
