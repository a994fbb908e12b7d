# The archive's operational targets. `make serve` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_CONCURRENCY ?= 2
export HOST PORT WEB_CONCURRENCY

.PHONY: install install-test setup serve test test-postgres load fault bench static clean haystack-conformance doctor browser api-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

static: install
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

# Migrate, seed an empty archive (one that holds articles is left as it is),
# and bring the search index up to date (built when it is missing), repairing
# whatever a crash left different between the index and the database.
setup: static
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_archive
	$(BIN)/python manage.py repair_index
	$(BIN)/python manage.py index_writer --once

# gunicorn and the one index writer, stopped together.
serve: setup
	$(BIN)/python manage.py serve

# What this machine has and lacks for serving and testing, with the command for each gap.
doctor:
	$(PYTHON) scripts/doctor.py

# The browser tests need Chromium and Arabic fonts: installed here when running as root on
# Debian, else one line says how and the suite does not start.
browser:
	$(PYTHON) scripts/doctor.py --ensure-browser

# The suite keeps its own data directory, apart from the one `make serve` uses.
test: browser install-test static
	ARCHIVE_DATA_DIR=var/test $(BIN)/python -m pytest

# The API's description (front/openapi.json) exercised by schemathesis against gunicorn on a
# throwaway seed archive: no 5xx, every answer as described (docs/api.md).
api-check: install-test static
	$(BIN)/python scripts/api_check.py

# The same suite on PostgreSQL, the production database (.ci/run starts a local
# server). The role needs CREATEDB: the tests make their own databases.
PG_URL ?= postgres://archive:archive@127.0.0.1:5432/archive
test-postgres: browser install-test static
	DATABASE_URL=$(PG_URL) ARCHIVE_DATA_DIR=var/test-pg $(BIN)/python -m pytest

# Load and fault tests against gunicorn on loopback (docs/deploy.md):
# make load URL=http://127.0.0.1:8000 ; make fault
URL ?= http://$(HOST):$(PORT)
load: install
	$(BIN)/python scripts/load_test.py $(URL) --searchers 8 --duration 30

fault: install
	$(BIN)/python scripts/fault_import.py --articles 400

# Search speed on a generated archive: make bench SIZE=10000
SIZE ?= 10000
bench: install
	ARCHIVE_DATA_DIR=var/bench-$(SIZE) $(BIN)/python manage.py bench --size $(SIZE)

# django-haystack's own tests against the archive's backend (its sdist carries them; nothing is kept here).
haystack-conformance: install
	rm -rf var/haystack-src && mkdir -p var/haystack-src
	$(BIN)/pip download --quiet --no-binary :all: --no-deps --dest var/haystack-src "django-haystack==$$($(BIN)/python -c 'import importlib.metadata as m; print(m.version("django-haystack"))')"
	tar -xzf var/haystack-src/django_haystack-*.tar.gz -C var/haystack-src --strip-components=1
	ARCHIVE_DATA_DIR=var/test-haystack $(BIN)/python scripts/haystack_conformance.py var/haystack-src

clean:
	rm -rf $(VENV) staticfiles
