# drysim: deterministic simulation of locking in concurrent systems (Drydock,
# Atlantis, containers/storage) and the races their developers documented.
# `make help` lists the targets.

GO       ?= go
BIN      := bin/drysim
SCENARIO ?=
SEED     ?=
STRATEGY ?=
WORKERS  ?=
# Seeds per "holds" expectation in make test (the full check uses 200).
TEST_SEEDS ?= 30

# How long make fuzz runs each fuzz target.
FUZZTIME ?= 60s
FUZZ_TARGETS := ./scenarios/harness:FuzzParseReplayFile ./scenarios:FuzzParseFailpoint ./scenarios:FuzzParseArgs \
	./allocator/simrt:FuzzParseTerms ./allocator:FuzzParseStrategy ./sim:FuzzParseScheduler ./cmd/drysim:FuzzRunFlags

# The default report sweep: every scenario x its system's named strategies
# x 8..128 workers x REPORT_SCHED x REPORT_SEEDS seeds (128000 runs; a few
# minutes on 2 cores). REPORT_SCHED=random,pct,swarm adds swarm (192000).
REPORT_SEEDS ?= 200
REPORT_SCHED ?= random,pct

.PHONY: help build sim test lint unit race determinism scenarios bench bugbench hunt-table long verify fuzz report report-clean report-shot

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

build: ## build bin/drysim
	$(GO) build -o $(BIN) ./cmd/drysim

# make sim SCENARIO=reclaim-race             check every strategy against its expectation
# make sim SCENARIO=reclaim-race SEED=42     one run (STRATEGY defaults to the system's reference: slot, fail-fast, go)
sim: build ## run a scenario: SCENARIO=<name> [SEED= STRATEGY= WORKERS=]
	@if [ -z "$(SCENARIO)" ]; then \
		echo "usage: make sim SCENARIO=<name> [SEED=<n> STRATEGY=<strategy> WORKERS=<n>]"; \
		echo "scenarios: $$($(BIN) list | sed -n '/^scenarios/,/^$$/p' | awk '/^  [a-z]/{print $$1}' | tr '\n' ' ')"; \
		exit 2; \
	fi
ifneq ($(SEED),)
	$(BIN) run -scenario $(SCENARIO) -seed $(SEED) $(if $(STRATEGY),-strategy $(STRATEGY)) -workers $(or $(WORKERS),64)
else
	$(BIN) check -scenario $(SCENARIO) $(if $(STRATEGY),-strategies $(STRATEGY)) -workers $(or $(WORKERS),64)
endif

test: lint unit race determinism scenarios ## everything CI runs

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

unit: ## unit, property and example tests
	$(GO) test -count=1 ./...

race: ## the kernel, the allocator and the systems under the race detector
	$(GO) test -count=1 -race -short ./sim/... ./allocator/... ./hoax/... ./systems/...
	$(GO) test -count=1 -race -run 'TestGoldenHashesChangeDetector' ./scenarios/harness/

determinism: ## trace hashes must not depend on GOMAXPROCS
	GOMAXPROCS=1 $(GO) test -count=1 -run 'Hash|Golden|Replay|Determinis' ./sim/... ./scenarios/...
	GOMAXPROCS=2 $(GO) test -count=1 -run 'Hash|Golden|Replay|Determinis' ./sim/... ./scenarios/...

scenarios: build ## every scenario against every expectation, with fewer seeds
	$(BIN) check -scenario all -seeds $(TEST_SEEDS)

report: build ## sweep (resuming report/results.jsonl if interrupted), then plots and tables in report/
	@mkdir -p report
	$(BIN) sweep -seeds $(REPORT_SEEDS) -sched $(REPORT_SCHED) -out report/results.jsonl
	$(BIN) report -in report/results.jsonl -seeds $(REPORT_SEEDS) -sched $(REPORT_SCHED) -out report
	@echo "open report/index.html (or read report/REPORT.md)"

# --- report-shot: the report page as a reader sees it (not part of make test) ---
# Headless Chromium (Debian: apt-get install chromium) screenshots
# report/index.html and the timeline into report/shot-*.png; look at them.
CHROMIUM ?= chromium
CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --disable-sync --no-first-run
report-shot: ## screenshot report/index.html (make report first) into report/shot-page.png and report/shot-timeline.png
	@test -f report/index.html || { echo "no report/index.html: run make report first"; exit 2; }
	@tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$tmp --screenshot=$(CURDIR)/report/shot-page.png \
		--window-size=1200,3000 file://$(CURDIR)/report/index.html 2>/dev/null && \
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$tmp --screenshot=$(CURDIR)/report/shot-page-full.png \
		--window-size=1200,12000 file://$(CURDIR)/report/index.html 2>/dev/null && \
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$tmp --screenshot=$(CURDIR)/report/shot-timeline.png \
		--window-size=1200,800 file://$(CURDIR)/report/timeline.svg 2>/dev/null
	@echo "report/shot-page.png, report/shot-page-full.png, report/shot-timeline.png"

report-clean: ## forget the report's results, so the next make report sweeps afresh
	rm -rf report

bench: ## speed and memory targets (not part of make test)
	$(GO) test -run '^$$' -bench . -benchmem ./...

long: ## the long tests make test leaves out: every race shrunk afresh, the limit-overshoot measurement (minutes)
	DRYSIM_LONG=1 DRYSIM_MEASURE=1 $(GO) test -count=1 -v -run 'ShrinkEveryRace|Measure' ./scenarios/...

# Each search is capped at VERIFY_CAP of real time; docs/verify.md has the
# table at 40s. VERIFY_SCENARIOS=a,b limits it to some scenarios.
VERIFY_CAP ?= 20s
VERIFY_SCENARIOS ?=
verify: ## bounded exhaustive search of every Drydock scenario at 2 workers, 2 leases: naive's race found, slot's search complete; every racy variant's race found (minutes; not part of make test)
	DRYSIM_VERIFY=1 DRYSIM_VERIFY_CAP=$(VERIFY_CAP) DRYSIM_VERIFY_SCENARIOS=$(VERIFY_SCENARIOS) $(GO) test -count=1 -v -timeout 2h -run '^(TestVerifySurvey|TestVerifyFindsEveryRacyVariant)$$' ./scenarios/harness/

bugbench: ## seeds to detection of 24 classic concurrency bugs per scheduler, and their fixed twins (not part of make test)
	$(GO) test -run '^$$' -bench SeedsToDetection -benchtime 1x ./sim/bugbench

hunt-table: ## runs to first violation: guided vs random, pct:1-3, swarm on Drydock without failpoints and bugbench (minutes; not part of make test)
	$(GO) run ./cmd/hunttable

fuzz: ## run every fuzz target for FUZZTIME each (their seed corpora also run in make test)
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

# ---- live runs: drysim load on real goroutines and real stores ----------
# MariaDB tests need DRYSIM_MYSQL_DSN; scripts/with-mariadb.sh starts a
# throwaway server (installing mariadb-server when missing), sets it, runs
# a command and stops the server.

.PHONY: test-mysql mysql-skipped load-matrix fleet

# make test ends with one line when the MariaDB tests did not run.
test: mysql-skipped

mysql-skipped:
	@if [ -z "$$DRYSIM_MYSQL_DSN" ]; then echo "MariaDB tests skipped: DRYSIM_MYSQL_DSN is unset (make test-mysql starts a server and runs them)"; fi

test-mysql: build ## the MariaDB tests (conformance, live load, interrupt, fleet) beside a throwaway server; -p 1: they share one database
	scripts/with-mariadb.sh $(GO) test -count=1 -p 1 ./allocator/stores/ ./allocator/liveload/ ./cmd/drysim/ -run 'Agree|Unique|Live|Interrupt|Fleet|Load'

# LOAD_DURATION per run; every store x global, slot x 16, 64, 256 workers,
# then slot and naive at 256 workers for LOAD_LONG on every store.
LOAD_DURATION ?= 10s
LOAD_LONG ?= 30s
load-matrix: build ## leases/s and p99, global vs slot, 16/64/256 workers, on mem, SQLite and MariaDB (one run)
	scripts/with-mariadb.sh scripts/load-matrix.sh $(BIN) $(LOAD_DURATION) $(LOAD_LONG)

fleet: build ## three drysim load processes against one MariaDB, then one process alone
	scripts/with-mariadb.sh scripts/fleet.sh $(BIN)
