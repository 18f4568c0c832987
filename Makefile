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

# Coverage is a figure to read, not a gate: one line with drafter/'s total after the tests.
test: setup
	$(PY) -m pytest -q tests --cov=drafter --cov-report=
	@echo "coverage of drafter/: $$($(PY) -m coverage report --format=total)% of lines (in-process tests; subprocess runs not counted)"

lint: setup
	$(VENV)/bin/ruff check drafter tests benchmarks scripts
	$(VENV)/bin/ruff format --check drafter tests benchmarks scripts
	$(VENV)/bin/mypy

bench: setup
	$(PY) benchmarks/run.py

clean:
	rm -rf build .pytest_cache .setuptools-build .coverage .mypy_cache
