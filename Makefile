# Two commands: `make run` starts the site, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app website
STAMP := $(VENV)/.installed

.PHONY: run test install setup-db translations browser lint clean

run: setup-db
	@echo "Starting the site on http://127.0.0.1:5000 (Ctrl+C stops it)."
	$(FLASK) run --host 127.0.0.1 --port 5000

# Create the database in instance/, migrate it and load the shipped content and data.
# Running it again keeps what editors changed (the import never overwrites their edits).
setup-db: install
	$(FLASK) db upgrade
	$(FLASK) content import
	$(FLASK) kaart import --if-empty
	$(FLASK) kaart gazetteer

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/pybabel compile --use-fuzzy -d site/website/translations >/dev/null
	touch $(STAMP)

translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _l --no-location --omit-header -o site/website/translations/messages.pot .
	$(BIN)/pybabel update -i site/website/translations/messages.pot -d site/website/translations --no-fuzzy-matching
	$(BIN)/pybabel compile -d site/website/translations

# Debian's Chromium for the browser tests; installed only where we may (root).
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; fi

# The whole suite on SQLite, then again on PostgreSQL when TEST_DATABASE_URL is set.
test: install browser
	$(BIN)/pybabel compile -d site/website/translations >/dev/null
	env -u TEST_DATABASE_URL $(BIN)/pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "Again on PostgreSQL: $$TEST_DATABASE_URL"; $(BIN)/pytest; fi

lint: install
	$(BIN)/ruff check site tests migrations benchmarks
	$(BIN)/ruff format --check site tests migrations benchmarks

clean:
	rm -rf $(VENV) instance .pytest_cache
