# Meeting archive: build / run / test.
#
#   make venv      create .venv (Python >= 3.12, see scripts/find-python.sh) and
#                  pip install -e '.[test]' pinned by constraints.txt (re-run when either changes)
#   make lock      re-pin constraints.txt from a fresh resolve of pyproject.toml
#   make lint      ruff (lint, format check) and mypy on the pure core
#   make golden    rewrite the parser's expected outputs (tests/core/golden/) for review
#   make db        print the DATABASE_URL to use (see scripts/ensure-db.sh;
#                  may start a private cluster in .pgdata/)
#   make migrate   apply migrations
#   make run       migrate, collectstatic, ingest sample_data, export it for /downloads/,
#                  serve on $(PORT)
#   make serve     only start gunicorn on 127.0.0.1:$(PORT)
#   make test      collectstatic + pytest; extra args: make test PYTEST_ARGS='-k foo'
#   make screenshots  serve sample_data on $(SHOT_PORT) and write docs/screenshots/*.png (390 and
#                  1280 px wide) with Chromium; pngquant, when installed, makes them smaller
#   make clean     stop the private cluster, remove .pgdata, staticfiles, caches
#
# DATABASE_URL in the environment overrides the database selection;
# ARCHIVE_SKIP_LOCAL_PG=1 ignores a server on 127.0.0.1:5432 (forces .pgdata).

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
PYTEST_ARGS ?=
TRANSCRIPTS ?= sample_data
SHOT_PORT ?= 8119

# The playwright package must never fetch a browser; tests use /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Shell prefix: resolve and export DATABASE_URL, failing the recipe if that fails.
WITH_DB = DATABASE_URL="$$(PYTHON=$(PY) scripts/ensure-db.sh)" || exit 1; export DATABASE_URL;

# --no-control-socket only exists in newer gunicorn releases: pass it when supported.
GUNICORN = $(VENV)/bin/gunicorn archive.wsgi --bind 127.0.0.1:$(PORT) --workers 2 \
	$$($(VENV)/bin/gunicorn --help 2>/dev/null | grep -qe '--no-control-socket' && echo --no-control-socket) \
	--access-logfile -

.PHONY: venv db migrate run serve test clean lint lock golden screenshots

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@set -e; \
	if ! $(PY) -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1; then \
		python="$$(scripts/find-python.sh)"; \
		echo "make venv: creating $(VENV) with $$python"; \
		rm -rf $(VENV); \
		"$$python" -m venv $(VENV); \
	fi; \
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'; \
	touch $(STAMP); \
	echo "make venv: $$($(PY) -c 'import sys, django; print(sys.executable, sys.version.split()[0], "Django", django.get_version())')"

golden: venv
	$(WITH_DB) $(PY) -m pytest -q tests/core/test_golden.py --regenerate-golden

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# A fresh resolve in a throwaway venv, so the pins are what pyproject.toml allows today.
lock:
	@set -e; tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	"$$(scripts/find-python.sh)" -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/pip" install --quiet -e '.[test]'; \
	"$$tmp/venv/bin/pip" freeze --exclude-editable | grep -v '^-e' > constraints.txt; \
	echo "make lock: $$(wc -l < constraints.txt) pins written to constraints.txt"

db: venv
	@PYTHON=$(PY) scripts/ensure-db.sh

migrate: venv
	@$(WITH_DB) $(PY) manage.py migrate --noinput

run: venv
	@$(WITH_DB) set -e; \
	$(PY) manage.py migrate --noinput; \
	$(PY) manage.py collectstatic --noinput -v0; \
	$(PY) manage.py ingest_transcripts $(TRANSCRIPTS); \
	dumps="$${DUMPS_DIR:-dumps}"; rm -rf "$$dumps/sample"; \
	$(PY) manage.py export_archive "$$dumps/sample"; \
	echo "serving on http://127.0.0.1:$(PORT)/"; \
	exec $(GUNICORN)

serve: venv
	@$(WITH_DB) exec $(GUNICORN)

test: venv
	@$(WITH_DB) export DJANGO_ALLOW_ASYNC_UNSAFE=true; \
	$(PY) manage.py collectstatic --noinput -v0 || exit 1; \
	status=0; $(PY) -m pytest $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then \
		echo "make test: FAILED: pytest collected no tests (exit 5)" >&2; exit 1; \
	fi; \
	exit $$status

# The README's pictures: the bundled sample transcripts, served by gunicorn, read by Chromium.
screenshots: venv
	@$(WITH_DB) set -e; \
	$(PY) manage.py migrate --noinput; \
	$(PY) manage.py collectstatic --noinput -v0; \
	$(PY) manage.py ingest_transcripts sample_data > /dev/null; \
	$(VENV)/bin/gunicorn archive.wsgi --bind 127.0.0.1:$(SHOT_PORT) --workers 1 & server=$$!; \
	trap 'kill $$server' EXIT; \
	for i in $$(seq 50); do curl -fs -o /dev/null http://127.0.0.1:$(SHOT_PORT)/ && break; sleep 0.2; done; \
	$(PY) scripts/screenshots.py http://127.0.0.1:$(SHOT_PORT) docs/screenshots; \
	if command -v pngquant > /dev/null; then pngquant --force --skip-if-larger --quality 60-85 --ext .png docs/screenshots/*.png || true; fi; \
	du -ch docs/screenshots/*.png | tail -1

clean:
	@scripts/ensure-db.sh stop || true
	rm -rf .pgdata staticfiles .pytest_cache .hypothesis *.egg-info
	find . -path ./.venv -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
