# The archive's operational targets. `make serve` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_CONCURRENCY ?= 2
export HOST PORT WEB_CONCURRENCY

.PHONY: install install-test setup serve test static clean

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

# Migrate and seed an empty archive; an archive that holds articles is left as it is.
setup: static
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_archive

serve: setup
	$(BIN)/gunicorn config.wsgi:application --bind $(HOST):$(PORT) --workers $(WEB_CONCURRENCY) \
		--access-logfile - --forwarded-allow-ips 127.0.0.1

test: install-test static
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) staticfiles
