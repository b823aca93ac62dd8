# drysim: deterministic simulation of a Drydock-style allocator.
# `make help` lists the targets.

GO       ?= go
SCENARIO ?=
SEED     ?=
STRATEGY ?=
WORKERS  ?=

.PHONY: help test lint race determinism bench

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

test: lint ## everything CI runs: vet, gofmt, unit and property tests, race and determinism checks
	$(GO) test -count=1 ./...
	$(MAKE) race determinism

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

race: ## the packages whose correctness depends on coroutine hand-offs, under -race
	$(GO) test -count=1 -race ./sim/...

determinism: ## trace hashes must not depend on GOMAXPROCS
	GOMAXPROCS=1 $(GO) test -count=1 -run 'Hash|Golden|Replay' ./sim/...
	GOMAXPROCS=2 $(GO) test -count=1 -run 'Hash|Golden|Replay' ./sim/...

bench: ## speed and memory targets (not part of make test)
	$(GO) test -run '^$$' -bench . -benchmem ./...
