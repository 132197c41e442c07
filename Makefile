# Every target bootstraps what it needs: a fresh clone with Python 3.11 and pip is enough.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP     := $(VENV)/.dev-installed
BENCH_STAMP   := $(VENV)/.bench-installed
DIST_STAMP    := $(VENV)/.dist-installed
# Wheels of the runtime dependencies and the extra, for tests/test_wheel.py,
# which installs the built wheel into a fresh venv without reaching an index.
WHEELHOUSE    := $(VENV)/wheelhouse
WHEELHOUSE_STAMP := $(VENV)/.wheelhouse-ready
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.DEFAULT_GOAL := help
.PHONY: help tour test test-deep lint type imports pytest docs bench dist clean lock

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install "pip>=25.1"

$(RUNTIME_STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(PIP) install -c constraints.txt -e .
	@touch $@

$(WHEELHOUSE_STAMP): $(BIN)/python pyproject.toml constraints.txt
	rm -rf $(WHEELHOUSE)
	$(PIP) download -c constraints.txt --only-binary=:all: -d $(WHEELHOUSE) \
		$$($(BIN)/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print(*p["dependencies"], *p["optional-dependencies"]["hypothesis"])')
	@touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) $(WHEELHOUSE_STAMP) pyproject.toml constraints.txt
	$(PIP) install -c constraints.txt -e . --group dev
	@touch $@

$(DIST_STAMP): $(DEV_STAMP)
	$(PIP) install -c constraints.txt -e . --group dev --group dist
	@touch $@

$(BENCH_STAMP): $(DEV_STAMP)
	$(PIP) install -c constraints.txt -e . --group dev --group bench
	@touch $@

tour: $(RUNTIME_STAMP)  ## run the tour of the library
	$(BIN)/python examples/tour.py

test: lint type imports pytest docs  ## run every check (what CI runs)
	@echo "All checks passed."

lint: $(DEV_STAMP)  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

type: $(DEV_STAMP)  ## mypy --strict on src/ and tests/
	$(BIN)/mypy

imports: $(DEV_STAMP)  ## import-linter contracts (layers, purity)
	$(BIN)/lint-imports

pytest: $(DEV_STAMP)  ## tests, docs examples, docstring examples, coverage gate
	$(BIN)/pytest -n auto --dist loadfile --cov --cov-report=term

test-deep: $(DEV_STAMP)  ## the test suite with ten times the CI's hypothesis examples
	HYPOTHESIS_PROFILE=deep $(BIN)/pytest -n auto --dist loadfile -p no:cacheprovider tests

docs: $(DEV_STAMP)  ## build the docs site, warnings are errors
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

bench: $(BENCH_STAMP)  ## run the benchmarks against their peers (ARGS=name runs one)
	$(BIN)/python benchmarks/run.py $(ARGS)

dist: $(DIST_STAMP)  ## build the sdist and the wheel into dist/ and check them
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist .
	$(BIN)/twine check --strict dist/*

lock: $(BIN)/python  ## refresh constraints.txt from the newest allowed versions
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip -q install "pip>=25.1"
	.lock-venv/bin/python -m pip -q install -e . --group dev --group bench --group dist
	.lock-venv/bin/python -m pip freeze --exclude-editable --exclude pip > constraints.txt
	rm -rf .lock-venv

clean:  ## remove the venv and build outputs
	rm -rf $(VENV) dist docs/_build .pytest_cache .mypy_cache .ruff_cache .coverage .hypothesis
