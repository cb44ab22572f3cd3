# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py

# The test suite talks to a real PostgreSQL and Redis on their standard ports.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/exportportaal
TEST_REDIS_URL ?= redis://127.0.0.1:6379/1
TEST_ENV := DJANGO_TESTING=1 DJANGO_DEBUG=0 \
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} \
	REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} \
	CELERY_TASK_ALWAYS_EAGER=1 DJANGO_REQUIRE_STAFF_2FA=1
RUN_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}

.PHONY: install install-dev lock upgrade browser wrk run test lint format worker beat bench messages clean

# Every package comes from the lock (uv.lock, exported with hashes to
# requirements/*.txt): a fresh machine installs exactly what CI tested.
# `make lock` refreshes it on purpose; see README "Dependencies".
$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements/base.txt | $(VENV)/bin/activate
	$(PIP) install -q --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(VENV)/bin/activate .env
	$(PIP) install -q --require-hashes -r requirements/dev.txt
	touch $(VENV)/.installed $@

# A development checkout runs `manage.py` without extra variables. Production
# sets its environment itself and never uses this file (it is git-ignored);
# make test overrides it with explicit variables.
.env:
	printf '# Development only; see README "Configuration".\nDJANGO_DEBUG=1\n' > $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Resolve pyproject.toml's ranges again and write the lock: `make lock` keeps
# the locked versions where the ranges still allow them, `make upgrade` takes
# the newest the ranges allow. Review the diff, run `make test`, commit.
UV_EXPORT = $(VENV)/bin/uv export --frozen --no-emit-project --quiet --format requirements.txt
lock upgrade: install-dev
	$(VENV)/bin/uv lock $(if $(filter upgrade,$@),--upgrade)
	$(UV_EXPORT) -o requirements/base.txt
	$(UV_EXPORT) --extra dev -o requirements/dev.txt

# Browser tests drive Debian's Chromium; the report tests read PDFs with
# poppler's pdfinfo. Installed when missing and allowed.
browser:
	@for tool in chromium:chromium pdfinfo:poppler-utils; do \
		command -v $${tool%%:*} >/dev/null 2>&1 && continue; \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
			(apt-get install -y -qq $${tool#*:} >/dev/null 2>&1 || \
			 (apt-get update -qq && apt-get install -y -qq $${tool#*:})); \
		else echo "$${tool%%:*} is missing: install Debian's $${tool#*:} package."; fi; \
	done

run: install .env
	$(RUN_ENV) $(MANAGE) migrate --noinput
	$(RUN_ENV) $(MANAGE) load_demo
	$(RUN_ENV) $(MANAGE) runserver 127.0.0.1:8000

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: install-dev browser lint
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

worker: install
	$(VENV)/bin/celery -A config worker --loglevel=info

beat: install
	$(VENV)/bin/celery -A config beat --loglevel=info

# Benchmarks (not tests): PostgreSQL and Redis on their local ports; one
# database per scale (exportportaal_bench_s1, _s10) is created afresh and
# seeded. `make bench SCALES="1"` for the quick run, BENCH_ARGS=--reuse to
# keep seeded databases. Writes bench/results.md.
SCALES ?= 1 10
bench: install-dev wrk
	SCALES="$(SCALES)" $(PY) bench/run.py $(BENCH_ARGS)

# The load generator of the benchmark: Debian's wrk, installed when missing.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
			(apt-get install -y -qq wrk >/dev/null 2>&1 || \
			 (apt-get update -qq && apt-get install -y -qq wrk)); \
		else echo "wrk is missing: install Debian's wrk package."; exit 1; fi; }

messages: install-dev
	$(RUN_ENV) $(MANAGE) makemessages -l nl -l en --ignore=.venv --ignore=staticfiles
	$(RUN_ENV) $(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache
