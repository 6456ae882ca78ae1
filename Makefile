# mgf-assess — developer commands. Every target creates the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000

WORKERS ?= $(shell echo $$((2 * $$(nproc))))

.PHONY: run serve test bench soak translations catalogs lint init demo clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

# Compile the UI catalogs (.po -> .mo); compiled files are build output, not sources.
catalogs: $(STAMP)
	$(BIN)/pybabel compile -d translations >/dev/null

init: catalogs
	$(FLASK) mgf init

demo: init
	$(FLASK) mgf demo

# The local demo: plain http on 127.0.0.1, so cookies are not marked Secure; no debugger (a
# failure shows the error page and logs its traceback).
run: demo
	SECURE_COOKIES=0 $(FLASK) run --no-reload --host $(HOST) --port $(PORT)

# Production: gunicorn with 2 workers per core, no debugger. MGF_ENV=production makes the
# application refuse to start without SECRET_KEY or with an unwritable upload folder.
serve: init
	MGF_ENV=production $(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile - wsgi:app

test: catalogs
	$(BIN)/pytest -q $(PYTEST_ARGS)

bench: catalogs
	$(BIN)/python -m bench

# Load and crash checks against gunicorn on 127.0.0.1 (SQLite, and PostgreSQL on
# 127.0.0.1:5432): under 8 minutes, never part of `make test`. SOAK_ARGS="--duration 30" etc.
soak: catalogs
	$(BIN)/python -m soak $(SOAK_ARGS)

# Extract UI strings, merge them into every catalog, compile.
translations: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d translations

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) instance
