# Two commands: `make run` starts the site, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app website
STAMP := $(VENV)/.installed

.PHONY: run test install setup-db translations browser bench lint clean docs-screenshots

run: setup-db
	@echo "No account yet? Create the first admin with: $(FLASK) users create-admin"
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

# Debian's Chromium for the browser tests; installed only where we may (root). Without it
# the browser tests are skipped, except under CI=true, where they fail.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; fi
	@[ -x /usr/bin/chromium ] || echo "No /usr/bin/chromium: browser tests will be skipped" \
		"(they fail under CI=true). Install it with: apt-get install chromium"

# The whole suite on SQLite, then again on PostgreSQL when TEST_DATABASE_URL is set.
test: install browser
	$(BIN)/pybabel compile -d site/website/translations >/dev/null
	env -u TEST_DATABASE_URL $(BIN)/pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "Again on PostgreSQL: $$TEST_DATABASE_URL"; $(BIN)/pytest; fi

# Screenshots for docs/redactie-handleiding.md: a demo site on a temporary database.
# Debian's chromium-l10n gives Chromium's own widgets (date fields) Dutch words and formats.
docs-screenshots: install browser
	@if [ ! -f /usr/lib/chromium/locales/nl.pak ] && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && apt-get install -y -qq chromium-l10n >/dev/null; fi
	$(BIN)/pybabel compile -d site/website/translations >/dev/null
	$(BIN)/python docs/screenshots.py

# The speed benchmark (docs/performance.md): by hand, on a quiet machine; loopback only.
bench: install
	@if ! command -v wrk >/dev/null || [ ! -x /usr/sbin/nginx ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx wrk >/dev/null; \
		else echo "nginx and wrk are needed: apt-get install nginx wrk"; exit 1; fi; fi
	$(BIN)/python benchmarks/load.py $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check site sociale_kaart flyers tests migrations benchmarks docs
	$(BIN)/ruff format --check site sociale_kaart flyers tests migrations benchmarks docs

clean:
	rm -rf $(VENV) instance .pytest_cache
