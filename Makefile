# newsfacts: `make` runs the pipeline on data/ (or INPUT=...) into output/ (or OUTPUT=...).
# Targets are files: a second `make` with nothing changed does nothing, and a
# changed source rebuilds only the stages that depend on it.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SUFFIXES:
MAKEFLAGS += --no-builtin-rules

INPUT ?= data
OUTPUT ?= output
STAGES := $(OUTPUT)/stages
TSX := node_modules/.bin/tsx
INSTALLED := node_modules/.package-lock.json

INPUT_FILES := $(shell find $(INPUT) -type f 2>/dev/null | LC_ALL=C sort)
SOURCES := $(shell find src pipeline -type f \( -name '*.ts' -o -name '*.json' \) | LC_ALL=C sort)
# What `npm run build` writes: the command, the worker and one script per stage.
DIST := dist/cli.mjs dist/worker.mjs dist/ingest.mjs dist/parse.mjs dist/normalise.mjs dist/export.mjs
OUTPUTS := $(addprefix $(OUTPUT)/,facts.csv facts.parquet documents.csv documents.parquet rejects.csv datapackage.json report.html)

.PHONY: all build test test-unit test-corpus lint typecheck eval audit scan bench clean FORCE
all: $(OUTPUTS)
build: $(DIST)

# npm ci whenever the lockfile is newer than the installed tree.
$(INSTALLED): package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The compiled JavaScript is a file target: rebuilt only when a source, a lexicon or the lockfile changes.
$(DIST) &: $(SOURCES) package.json $(INSTALLED)
	npm run --silent build

# The list of inputs: rewritten only when INPUT names other files, so switching INPUT rebuilds.
$(STAGES)/inputs.txt: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' $(abspath $(INPUT)) $(INPUT_FILES) > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

# Each stage depends on the whole build: every stage shares the run's code, so a change anywhere reruns them.
$(STAGES)/documents.jsonl $(STAGES)/rejects.jsonl &: $(STAGES)/inputs.txt $(INPUT_FILES) $(DIST)
	node dist/ingest.mjs $(INPUT) --out $(STAGES)/documents.jsonl --rejects $(STAGES)/rejects.jsonl

$(STAGES)/parsed.jsonl: $(STAGES)/documents.jsonl $(DIST)
	node dist/parse.mjs --in $< --out $@

$(STAGES)/facts.jsonl: $(STAGES)/parsed.jsonl $(DIST)
	node dist/normalise.mjs --in $< --out $@

$(OUTPUTS) &: $(STAGES)/parsed.jsonl $(STAGES)/facts.jsonl $(STAGES)/rejects.jsonl $(DIST)
	node dist/export.mjs --stages $(STAGES) --out $(OUTPUT)

# Scores the extractor against tests/gold (precision, recall, attribute accuracy) into bench/eval.md,
# and against the peers' test suites (Recognizers-Text, quantulum3) into bench/peers.md.
eval: $(INSTALLED)
	$(TSX) bench/eval.ts
	$(TSX) bench/peers.ts

# The column reference, generated from the one schema (tests/columnReference.test.ts checks it).
docs/columns.md: src/export/schema.ts src/export/columnReference.ts src/model.ts $(INSTALLED)
	$(TSX) bench/columns.ts

# A seeded random sample of corpus rows to judge (tests/audit/README.md): make audit [SEED=n] [ROWS=100].
audit: $(INSTALLED)
	$(TSX) bench/audit.ts

# Scans the extractor's output on the whole news corpus for not-facts (years, dates, designators, times).
scan: $(INSTALLED)
	$(TSX) bench/scanNotFacts.ts

# Throughput and peak memory on >= 100 MB of news with 1 and 2 workers, against Recognizers-Text (bench/results.md).
bench: $(DIST)
	$(TSX) bench/bench.ts

typecheck: $(INSTALLED)
	node_modules/.bin/tsc --noEmit

# The report test drives Debian's Chromium (playwright-core, no browser download).
CHROMIUM ?= /usr/bin/chromium
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "make: $(CHROMIUM) is missing: install Debian's chromium package (apt-get install chromium)" >&2; exit 1; fi

VITEST := node_modules/.bin/vitest

# Everything in the repo: typecheck, the unit tests, then the integration project of
# vitest.config.ts (fixtures in tests/fixtures, nothing from ../shared) with the report in headless Chromium.
test: test-unit $(DIST) typecheck $(CHROMIUM)
	CHROMIUM_PATH=$(CHROMIUM) $(VITEST) run --project integration

# The pure src/ modules on sentences, tokens and strings: no build, no browser, seconds.
test-unit: $(INSTALLED)
	$(VITEST) run --project unit

# Corpus-scale and stress checks (vitest.corpus.config.ts): they read ../shared/data/news, which CI has beside the clone.
SHARED_NEWS := ../shared/data/news
test-corpus: $(DIST)
	@if [ ! -d $(SHARED_NEWS) ]; then echo "make: test-corpus needs the corpora in $(SHARED_NEWS) beside the clone" >&2; exit 1; fi
	$(VITEST) run --config vitest.corpus.config.ts

# Biome: lint and formatting check (biome.json says what it covers).
lint: $(INSTALLED)
	npm run --silent lint

clean:
	rm -rf $(OUTPUT) dist
