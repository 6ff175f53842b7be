# polyglot: `make demo` and `make test` set everything up themselves.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
POLYGLOT := $(VENV)/bin/polyglot
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: install demo test eval bench lint clean system-deps

install: $(STAMP)

# PyICU compiles against the system ICU; msgfmt validates our catalogs.
system-deps:
	@command -v pkg-config >/dev/null || { echo "missing pkg-config: sudo apt-get install pkg-config libicu-dev"; exit 1; }
	@pkg-config --exists icu-uc || { echo "missing ICU development files: sudo apt-get install libicu-dev"; exit 1; }
	@command -v msgfmt >/dev/null || { echo "missing GNU gettext (msgfmt): sudo apt-get install gettext"; exit 1; }

$(STAMP): pyproject.toml | system-deps
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: install
	@echo "== 1. Incoming Burmese text (Zawgyi, damaged by PDF extraction): what polyglot changes and why"
	$(POLYGLOT) normalize --explain corpus/incoming/*.txt > /dev/null
	@echo
	@echo "== 2. The clean result"
	$(POLYGLOT) normalize corpus/incoming/*.txt
	@echo
	@echo "== 3. Announcements → gettext catalogs"
	$(POLYGLOT) extract
	$(POLYGLOT) update
	$(POLYGLOT) ingest corpus/call-for-applications-2018.md --lang my corpus/incoming/call-for-applications-2018.my.txt
	$(POLYGLOT) check
	$(POLYGLOT) compile
	$(POLYGLOT) stats

test: install
	$(VENV)/bin/pytest -q

eval: install
	$(PY) -m polyglot.evaluate $(SHARED)/eval

lint: install
	$(VENV)/bin/ruff check src tests

clean:
	rm -rf $(VENV) build site .pytest_cache .hypothesis
