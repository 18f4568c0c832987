# Everything a new user needs, from a clean clone: `make demo`, `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
DRAFTER = $(VENV)/bin/drafter
EXAMPLES = $(wildcard examples/*.yaml)

.PHONY: demo test lint bench setup clean

setup: $(VENV)/.installed

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

demo: setup
	$(DRAFTER) build $(EXAMPLES) --out-dir build --force

test: setup
	$(PY) -m pytest -q tests

lint: setup
	$(VENV)/bin/ruff check drafter tests benchmarks scripts
	$(VENV)/bin/ruff format --check drafter tests benchmarks scripts

bench: setup
	$(PY) benchmarks/run.py

clean:
	rm -rf build .pytest_cache
