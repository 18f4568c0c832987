# Everything a new user needs, from a clean clone: `make demo`, `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
DRAFTER = $(VENV)/bin/drafter
EXAMPLES = $(wildcard examples/*.yaml)

.PHONY: demo test bench setup clean

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

bench: setup
	$(PY) benchmarks/run.py

clean:
	rm -rf build .pytest_cache
