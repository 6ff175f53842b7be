# polyglot: `make demo` and `make test` set everything up themselves.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
POLYGLOT := $(VENV)/bin/polyglot
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: install demo test eval bench lint clean system-deps demo-deps test-deps

install: $(STAMP)

# System packages, per target (scripts/system-deps says what each needs): missing ones
# are installed with apt-get (as root or with sudo -n), or one command to run is printed.
system-deps test-deps:
	@scripts/system-deps test
demo-deps:
	@scripts/system-deps demo

$(STAMP): pyproject.toml
	@scripts/system-deps install
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,dask,eval]'
	@touch $(STAMP)

demo: install demo-deps
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
	@echo
	@echo "== 4. The website: corpus/ + build/ → site/ (fonts self-hosted, English fallback marked)"
	$(POLYGLOT) build
	@echo "Open the site: file://$(CURDIR)/site/index.html"
	@echo "  (or serve it: $(PY) -m http.server -d site -b 127.0.0.1 8000, then http://127.0.0.1:8000/)"

.PHONY: site
site: install demo-deps
	$(POLYGLOT) compile
	$(POLYGLOT) build
	@echo "Open the site: file://$(CURDIR)/site/index.html"

test: install test-deps
	$(VENV)/bin/pytest -q

eval: install
	$(PY) -m polyglot.evaluate $(SHARED)/eval

# polyglot vs the naive loop (interleaved rounds, medians, MB/s, peak RSS, start-up, --jobs 2,
# fast path == plain path); writes benchmarks/RESULTS.md. BENCH_ARGS=--memory-size=100 adds one
# run on the 100 MB corpus for its peak memory.
BENCH_SIZES ?= 1,10
BENCH_ROUNDS ?= 3
bench: install
	$(PY) -m benchmarks.bench --sizes $(BENCH_SIZES) --rounds $(BENCH_ROUNDS) $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check src tests

clean:
	rm -rf $(VENV) build site .pytest_cache .hypothesis
