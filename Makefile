# Quick start: `make serve` (preview at http://127.0.0.1:8000) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SCHEMA := site_src/schema/paper.schema.json
PORT ?= 8000
# make test runs the suite on this many processes (pytest-xdist); each builds its own session sites.
TEST_WORKERS ?= 2

export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve site test test-fast test-js lint check bench eval schema golden clean

# One line per setup step, so a first run that installs for a minute does not look like a hang.
$(STAMP): pyproject.toml
	@echo "creating $(VENV)"
	@$(PYTHON) -m venv $(VENV)
	@echo "upgrading pip"
	@$(PY) -m pip install -qq --disable-pip-version-check --upgrade pip
	@echo "installing dependencies (first run takes ~1 min)"
	@$(PY) -m pip install -qq --disable-pip-version-check -e '.[test]'
	@touch $@
	@echo "$(VENV) is ready"

serve: $(STAMP)  ## build the site and serve it, rebuilding when an entry changes (PORT=8001 for another port)
	$(PY) -m generator serve --port $(PORT)

site: $(STAMP)  ## production build into site/
	$(PY) -m generator build

test: $(STAMP) lint test-js  ## the whole test suite, after the lint, the type check and the JavaScript tests
	find site_src/papers -name '*.yaml' -exec $(VENV)/bin/check-jsonschema --schemafile $(SCHEMA) {} +
	$(PY) -m pytest -n $(TEST_WORKERS)

test-fast: $(STAMP)  ## the suite without the tests marked slow (they build whole sites) or browser
	$(PY) -m pytest -q -m "not slow and not browser"

lint: $(STAMP)  ## ruff (lint and format) and mypy --strict over generator/ and tests/ (pyproject.toml)
	$(PY) -m ruff check generator tests
	$(PY) -m ruff format --check generator tests
	$(PY) -m mypy

test-js:  ## the JavaScript's pure modules (theme/assets/lib/), with Node's built-in test runner
	@command -v node >/dev/null || { echo "make test-js: node is missing; install Debian's nodejs (apt-get install nodejs)"; exit 1; }
	node --test --test-reporter=spec tests/js/*.test.mjs

check: $(STAMP)  ## validate the catalogue
	$(PY) -m generator check

bench: $(STAMP)  ## scale benchmark (not part of `make test`); `make bench SCALE=100000` for other sizes
	$(PY) -m tests.bench

eval: $(STAMP)  ## quality of related papers and tag suggestions (not part of `make test`); ARGS="--catalogue DIR"
	$(PY) -m tests.eval $(ARGS)

schema: $(STAMP)  ## regenerate site_src/schema/paper.schema.json from the entry model
	$(PY) -m generator schema

golden: $(STAMP)  ## refresh golden files after a reviewed change
	UPDATE_GOLDEN=1 $(PY) -m pytest tests -k golden

clean:
	rm -rf site .build
