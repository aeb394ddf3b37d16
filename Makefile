# The two commands of the README: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: setup system-deps demo serve test test-sqlite test-postgres lint bench translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==25.3
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

system-deps:
	bash scripts/install-system-deps.sh

setup: system-deps $(STAMP)

demo: setup
	$(BIN)/planwatch demo

serve: setup
	$(BIN)/planwatch serve

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts

# The whole suite on the embedded SQLite database, then everything that touches a database
# again on PostgreSQL. PostgreSQL must answer: a missing server fails the run, never skips it.
test: setup lint test-sqlite test-postgres

test-sqlite: $(STAMP)
	$(BIN)/pytest -n 2 -p no:cacheprovider

test-postgres: $(STAMP)
	$(BIN)/python scripts/require_postgres.py $(PG_URL)
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 -p no:cacheprovider tests/web

bench: setup
	$(BIN)/python bench/evaluate.py
	$(BIN)/python bench/extract.py

# The English catalogues (the project's and the intake and reports apps' own): collect new
# messages, then translate the empty msgstr entries by hand and run this again to compile.
# Needs GNU gettext (Debian package gettext).
translations: $(STAMP)
	cd src/planwatch/web && DJANGO_SETTINGS_MODULE=planwatch.web.settings ../../../$(BIN)/python -m django makemessages -l en --no-obsolete
	for po in $$(find src/planwatch/web -path '*/locale/en/LC_MESSAGES/django.po'); do \
		msgfmt --check -o "$${po%.po}.mo" "$$po" || exit 1; done

clean:
	rm -rf $(VENV) build src/*.egg-info
