# Dateline: `make demo` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/dateline
export DATELINE_SETTINGS ?= dev
STATIC_SOURCES := $(shell find dateline -path '*/static/*' -type f)
STATIC_STAMP := var/.static-collected

.PHONY: demo install install-dev test test-sqlite test-postgres lint format lock serve clean

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==0.13.9

# Runtime install from the lock file; the stamp is refreshed when the lock or a translation
# catalogue changes (the compiled .mo files are not in git).
$(VENV)/.installed: requirements.lock pyproject.toml $(wildcard dateline/locale/*/LC_MESSAGES/*.po) | $(BIN)/uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python --no-deps -e .
	$(BIN)/dateline compilemessages --ignore=.venv --ignore=node_modules >/dev/null
	@# The project's own modules compiled too (an editable install leaves them as source, and
	@# PYTHONDONTWRITEBYTECODE may keep Python from caching them): servers start faster.
	$(BIN)/python -m compileall -q dateline
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock package-lock.json
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements-dev.lock
	npm ci --silent --no-audit --no-fund
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The demo's address follows PORT (links in pages, feeds and emails carry it), and it shows
# the site's own error pages: DEBUG=1 make demo for Django's debug pages instead.
demo: export DATELINE_BASE_URL ?= http://127.0.0.1:$(PORT)
demo: export DEBUG ?= 0
demo: install $(STATIC_STAMP)
	$(BIN)/dateline load_demo --migrate
	@# The task worker runs beside the web server (admin search, scheduled publishing, the
	@# newsletter, reading figures); stopping the demo stops both.
	$(BIN)/dateline worker --verbosity 0 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/dateline runserver 127.0.0.1:$(PORT)

# Static files are collected again only when one of them (or the installed packages) changed.
$(STATIC_STAMP): $(VENV)/.installed $(STATIC_SOURCES)
	$(BIN)/dateline collectstatic --noinput --verbosity 0
	@mkdir -p $(@D) && touch $@

test: install-dev lint test-sqlite test-postgres

test-sqlite: install-dev
	DATABASE_URL= $(BIN)/pytest -q

# The same suite on PostgreSQL (pytest-django creates and drops test_dateline).
test-postgres: install-dev
	DATABASE_URL=$(POSTGRES_TEST_URL) $(BIN)/pytest -q

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files 'dateline/*.html')
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/vulture

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files 'dateline/*.html')

lock: | $(BIN)/uv
	$(BIN)/uv pip compile --quiet -p 3.11 requirements.in -o requirements.lock
	$(BIN)/uv pip compile --quiet -p 3.11 requirements-dev.in -o requirements-dev.lock

clean:
	rm -rf $(VENV) var node_modules
