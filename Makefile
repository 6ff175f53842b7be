# polyglot: `make demo` and `make test` set everything up themselves.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
POLYGLOT := $(VENV)/bin/polyglot
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: install demo test eval bench lint format clean system-deps demo-deps test-deps

install: $(STAMP)

# System packages, per target (scripts/system-deps says what each needs): missing ones
# are installed with apt-get (as root or with sudo -n), or one command to run is printed.
system-deps test-deps:
	@scripts/system-deps test
demo-deps:
	@scripts/system-deps demo

# The compiled modules (a .pxd beside a .py: setup.py) are rebuilt when their source changes.
COMPILED_SOURCES := setup.py $(shell find src -name '*.pxd') $(patsubst %.pxd,%.py,$(shell find src -name '*.pxd'))
$(STAMP): pyproject.toml $(COMPILED_SOURCES)
	@scripts/system-deps install
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,dask,eval,serve]'
	@touch $(STAMP)

CALL := corpus/call-for-applications-2018
INCOMING := corpus/incoming/call-for-applications-2018.my.txt
demo: install demo-deps
	@echo "== 1. Incoming: the organisation's Burmese call, Zawgyi copied out of a PDF (as it arrived)"
	@sed -e 's/^/    /' $(INCOMING)
	@echo
	@echo "== 2. What polyglot normalize changes in it, and why"
	$(POLYGLOT) normalize --explain corpus/incoming/*.txt > /dev/null
	@echo
	@echo "== 3. The clean result (Unicode Burmese, repaired)"
	$(POLYGLOT) normalize corpus/incoming/*.txt
	@echo
	@echo "== 4. Announcements → gettext catalogs; ingest lines the Burmese up against the English"
	@echo "     (which blocks matched and on what evidence, which did not and why; the PDF's line"
	@echo "     breaks are joined phrase by phrase; anything new it fills stays fuzzy until reviewed)"
	$(POLYGLOT) extract
	$(POLYGLOT) update
	$(POLYGLOT) ingest $(CALL).md --lang my $(INCOMING)
	@echo
	@echo "== 5. Review: the call's messages as the organisation's translator left them"
	@echo "     (accepted with: polyglot review $(CALL).md --lang my --accept --ignore numbers;"
	@echo "      the Burmese says Program 2018 where the English says 2018-19: reviewed, kept as written)"
	$(POLYGLOT) review $(CALL).md --lang my
	$(POLYGLOT) check
	$(POLYGLOT) compile
	$(POLYGLOT) stats --lang my
	@echo
	@echo "== 6. The website: corpus/ + build/ → site/ (fonts self-hosted, English fallback marked)"
	$(POLYGLOT) build
	@echo
	@echo "== 7. The Burmese call page, block by block: site/my/call-for-applications-2018.html"
	$(POLYGLOT) outline site/my/call-for-applications-2018.html
	@echo
	@echo "Open the site: file://$(CURDIR)/site/index.html"
	@echo "  (or serve it: $(PY) -m http.server -d site -b 127.0.0.1 8000, then http://127.0.0.1:8000/)"
	@echo
	@echo "== 8. The page for staff: paste or drop Burmese, see each change and why, take the clean text"
	@echo "Start it: $(POLYGLOT) serve   then open http://127.0.0.1:8000/ (Ctrl-C stops it)"

.PHONY: site
site: install demo-deps
	$(POLYGLOT) compile
	$(POLYGLOT) build
	@echo "Open the site: file://$(CURDIR)/site/index.html"

# Jed (the JavaScript gettext the site's JSON catalogs are for), from the npm registry once,
# here in set-up: tests/catalog/test_jed.py loads the JSON with it and downloads nothing.
JED_VERSION := 1.1.1
JED := $(VENV)/node/node_modules/jed/package.json
$(JED): | test-deps
	npm install --silent --no-audit --no-fund --prefix $(VENV)/node jed@$(JED_VERSION)

# First, loudly: the compiled modules were built from their current source (the suite
# must never test the interpreted fallback by accident); then the whole suite.
test: install test-deps $(JED)
	$(VENV)/bin/pytest -q -x tests/test_compiled.py
	$(VENV)/bin/pytest -q

eval: install
	$(PY) -m evaluation $(SHARED)/eval

# polyglot vs the naive loop (interleaved rounds, medians, MB/s, peak RSS, start-up, --jobs 2,
# fast path == plain path); writes benchmarks/RESULTS.md. BENCH_ARGS=--memory-size=100 adds one
# run on the 100 MB corpus for its peak memory.
BENCH_SIZES ?= 1,10
BENCH_ROUNDS ?= 3
bench: install
	$(PY) -m benchmarks.bench --sizes $(BENCH_SIZES) --rounds $(BENCH_ROUNDS) $(BENCH_ARGS)

# Format, lint, types and the direction of imports ([tool.importlinter]): CI runs
# `make lint test`, so each of these fails the build.
lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) build site .pytest_cache .hypothesis
	find src \( -name "*.so" -o -name "*.c" \) -delete
