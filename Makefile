# One entry point for editors, CI and the deploy workflow.
# `make serve` and `make test` are the two commands in the README.
PYTHON ?= python3
VENV ?= .venv
# Absolute, so that recipes that change directory (offline) still find it.
BIN := $(abspath $(VENV))/bin
REMOTE ?= origin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build offline pdf generate deploy bench clean

# Create the virtual environment if missing and install the pinned build.
$(BIN)/.build-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.test-installed: requirements-test.txt $(BIN)/.build-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## serve: live-reloading preview at http://127.0.0.1:8000/trotsky-stalin/
serve: $(BIN)/.build-installed generate
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## test: every test (unit, data, build, links, HTML, lint, workflows, deploy, browser)
test: $(BIN)/.test-installed
	$(BIN)/python -m pytest

## build: the strict build into site/, with the offline and PDF editions in site/downloads/
build: $(BIN)/.build-installed offline pdf
	$(BIN)/mkdocs build --strict
	mkdir -p site/downloads
	cp build/trotsky-stalin-offline.zip build/trotsky-stalin.pdf site/downloads/

## offline: the offline edition (file:// links, inlined search) as build/trotsky-stalin-offline.zip
offline: $(BIN)/.build-installed
	rm -rf build/trotsky-stalin-offline build/trotsky-stalin-offline.zip
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir build/trotsky-stalin-offline
	cd build && $(BIN)/python -m zipfile -c trotsky-stalin-offline.zip trotsky-stalin-offline/

## pdf: the print edition as build/trotsky-stalin.pdf (needs Chromium; CHROMIUM=path to choose)
# Not --strict: the print plugin warns that pages take their title from the
# front matter, not an <h1>; the strict build of the site checks everything else.
pdf: $(BIN)/.build-installed
	rm -rf build/print-site build/trotsky-stalin.pdf
	PDF=true $(BIN)/mkdocs build --no-strict --quiet --site-dir build/print-site
	$(BIN)/python -m sitedata.pdf build/print-site build/trotsky-stalin.pdf

## generate: rewrite the committed generated files (glossary abbreviations)
generate: $(BIN)/.build-installed
	$(BIN)/python -m sitedata.generate

## deploy: build strictly and push site/ to the gh-pages branch of $(REMOTE)
deploy: $(BIN)/.build-installed
	$(BIN)/mkdocs gh-deploy --strict --force --no-history --remote-name $(REMOTE)

## bench: build time, data-layer overhead, page weight, search latency, Lighthouse;
## fails on a broken budget (BENCH_LIGHTHOUSE=chapter|off for a shorter run)
bench: $(BIN)/.build-installed bench/node_modules/.installed
	$(BIN)/python bench/bench.py

# Lighthouse 12.2.3 from the lock file (it drives Debian's chromium, not its own).
bench/node_modules/.installed: bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --silent
	touch $@

clean:
	rm -rf site build .pytest_cache
