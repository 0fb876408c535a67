# Barnrätt developer commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Production-like settings for `check --deploy` and `make serve` (never a real secret).
PROD_ENV := DJANGO_ENV=production DJANGO_ALLOWED_HOSTS=$(HOST),localhost \
	BARNRATT_ACCESSIBILITY_EMAIL=tillganglighet@example.se \
	DJANGO_SECRET_KEY=check-deploy-only-$$(printf '%064d' 0 | tr 0 x)

.DEFAULT_GOAL := help
.PHONY: help install install-dev system-deps run worker serve test test-fast test-browser lint format \
	messages translations two-nodes bench soak backup restore clean lock

help: ## List the developer commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 18

# The venv's own pip (23.2 on Debian 12) resolves extras past a hashed lock, so the pinned pip
# from requirements/pip.txt goes in before anything else.
$(BIN)/activate: requirements/pip.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/pip.txt
	touch $@

$(VENV)/.installed-base: requirements/base.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@ $(VENV)/.installed-base

install: $(VENV)/.installed-base translations ## Create the virtual environment with pinned dependencies

install-dev: $(VENV)/.installed-dev translations ## Also install what the tests and linters need

system-deps: ## Install Debian packages the tests need (Chromium), when run as root
	@bash scripts/system-deps.sh

translations: | $(BIN)/activate ## Compile the .po files into .mo files
	@$(PY) manage.py compile_translations

run: install ## Migrate, load the demo data and serve at http://127.0.0.1:8000, with a job worker
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	$(PY) manage.py worker --verbosity 0 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	  $(PY) manage.py runserver $(HOST):$(PORT)

worker: install ## Run the jobs (imports, publishing, retention) as `make run` does beside the server
	$(PY) manage.py worker

serve: install ## Serve with gunicorn and production settings (set DJANGO_SECRET_KEY, hosts, BARNRATT_ACCESSIBILITY_EMAIL)
	DJANGO_ENV=production $(PY) manage.py collectstatic --no-input -v 0
	DJANGO_ENV=production $(PY) manage.py migrate --no-input
	DJANGO_ENV=production $(BIN)/gunicorn barnratt.wsgi --config gunicorn.conf.py \
	  --bind $(HOST):$(PORT) --workers 2 --threads 4 --worker-class gthread

# MARK narrows the run to a marker expression: CI runs `make test MARK=both_databases` on SQLite
# after the whole suite on PostgreSQL (tests/conftest.py, DATABASE_SPECIFIC).
MARK ?=
AND_MARK := $(if $(MARK), and ($(MARK)),)

# Browser tests flush the database after each test (live server), so they run in their own
# pytest process after the rest of the suite has run in parallel on both cores.
test: install-dev system-deps ## Run the whole test suite (SQLite, or PostgreSQL with DATABASE_URL)
	$(BIN)/pytest -n 2 -m "not browser and not live_server$(AND_MARK)" $(PYTEST_ARGS)
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -n 2 -m "(browser or live_server)$(AND_MARK)" $(PYTEST_ARGS)

test-fast: install-dev ## Run the suite without the browser and live-server tests
	$(BIN)/pytest -n 2 -m "not browser and not live_server$(AND_MARK)" $(PYTEST_ARGS)

lint: install-dev ## ruff, imports in the base lock, the apps' layers, deploy checks, migrations, translations
	$(BIN)/ruff check .
	$(BIN)/deptry .
	$(BIN)/lint-imports
	$(BIN)/ruff format --check .
	env -u DJANGO_ALLOW_ASYNC_UNSAFE $(PROD_ENV) $(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check_migrations
	$(PY) manage.py check_translations

LOCK := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-strip-extras \
	--no-emit-index-url --no-emit-find-links
lock: install-dev ## Recompile requirements/*.txt from requirements/*.in (pip-tools)
	$(LOCK) --output-file=requirements/pip.txt requirements/pip.in
	$(LOCK) --output-file=requirements/base.txt requirements/base.in
	$(LOCK) --constraint=requirements/base.txt --output-file=requirements/dev.txt requirements/dev.in

format: install-dev ## Format and fix what ruff can
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install-dev ## Update locale/sv/LC_MESSAGES/django.po from the code (needs gettext)
	$(PY) manage.py makemessages -l sv --no-obsolete --no-location --ignore=.venv --ignore=staticfiles

two-nodes: install-dev ## Two gunicorn nodes, a worker, PostgreSQL, Redis: the checks (MEASURE=20: and a load)
	PY=$(PY) TWO_NODES_MEASURE=$(MEASURE) scripts/two_nodes.sh

bench: install-dev ## National-scale benchmark; prints figures for docs/performance.md
	$(PY) -m bench.run $(BENCH_ARGS)

soak: install-dev ## Soak benchmark: mixed staff and children's traffic, errors, p95 and memory over time
	$(PY) -m bench.soak $(SOAK_ARGS)

backup: install ## Back up the database and uploaded files (into backups/, or BARNRATT_BACKUP_DIR)
	$(PY) manage.py backup

restore: install ## Restore a backup into an empty database: make restore ARCHIVE=backups/....tar.gz
	@test -n "$(ARCHIVE)" || { echo "Usage: make restore ARCHIVE=path/to/barnratt-backup-....tar.gz"; exit 2; }
	$(PY) manage.py migrate --no-input
	$(PY) manage.py restore "$(ARCHIVE)" $(RESTORE_ARGS)

clean: ## Remove the virtual environment, databases and generated files
	rm -rf $(VENV) staticfiles db.sqlite3* bench/*.sqlite3* bench/datasets .ruff_cache
	find . -name '__pycache__' -prune -exec rm -rf {} +
	find locale -name '*.mo' -delete
