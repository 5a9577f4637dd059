# Everyday commands. `make run` and `make test` each work from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run worker test lint format bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Migrates, adds what is missing of the demo data, serves http://$HOST:$PORT
# (default 127.0.0.1:8000) with a Celery worker and beat beside it. Ctrl-C
# stops all three. DEBUG is off unless set, so the development targets turn it
# on (an explicit DEBUG=0 still wins).
run worker bench: export DEBUG ?= 1
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) bin/devserver.py

worker: install
	$(VENV)/bin/celery -A config worker --loglevel=INFO --concurrency=1

# Prints branch coverage of the app code at the end.
test: install
	$(PY) -m pytest --cov --cov-report=term:skip-covered $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(PY) -m tests.perf.bench_report
	$(PY) -m tests.perf.bench_plan

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
