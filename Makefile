# Integra: `make run` serves the demo, `make test` runs the whole suite on SQLite and PostgreSQL.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
DEMO_PERSONS ?= 3000
export INTEGRA_DEMO_PASSWORD ?= integra-demo-2026

.PHONY: run test test-sqlite test-postgres lint bench install system-deps messages clean

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

install: $(BIN)/.installed

system-deps:
	bash scripts/system-deps.sh

messages: install system-deps
	$(PY) manage.py compilemessages --ignore=.venv -v0

run: install messages
	mkdir -p var
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py seed --persons $(DEMO_PERSONS) --seed 1 --if-empty
	$(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint messages
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

# Playwright's sync API runs an event loop in the test thread; Django's ORM must allow it there.
test-sqlite test-postgres: export DJANGO_ALLOW_ASYNC_UNSAFE := true

test-sqlite: install
	$(BIN)/pytest

test-postgres: install
	bash scripts/with-postgres.sh $(BIN)/pytest

bench: install messages
	bash scripts/bench.sh

clean:
	rm -rf $(VENV) var .pytest_cache
