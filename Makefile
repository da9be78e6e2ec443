# Trawl: `make demo` and `make test` do everything on a fresh Debian machine.
SHELL := /bin/bash
SWIFT       ?= swift
APT_PACKAGES = libcurl4-openssl-dev libxml2-dev libsqlite3-dev libzstd-dev zlib1g-dev pkg-config python3-venv
BENCH_APT    = nginx-light time curl wget wrk iproute2 util-linux python3-venv
DEMO_PORT   ?= 0

.PHONY: all deps pyvenv benchvenv build test demo bench clean

all: build

# Installs the missing system packages when run as root; otherwise prints the exact command.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "missing system packages; run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

# warcio in a venv under .build, for the tests that check `trawl cache export --warc`; idempotent.
PYVENV = .build/pyvenv
pyvenv: deps $(PYVENV)/bin/warcio
$(PYVENV)/bin/warcio:
	python3 -m venv $(PYVENV)
	$(PYVENV)/bin/pip install -q warcio

# trafilatura in its own venv, only for the main-content comparison of `make bench`
# (SUITES containing `content`); `make test` never installs it. Idempotent.
BENCHVENV = .build/benchvenv
benchvenv: deps $(BENCHVENV)/.installed
$(BENCHVENV)/.installed: scripts/requirements-bench.txt
	python3 -m venv $(BENCHVENV)
	$(BENCHVENV)/bin/pip install -q -r scripts/requirements-bench.txt
	touch $@

# Release build of the `trawl` binary: .build/release/trawl
build: deps
	$(SWIFT) build -c release --product trawl

# Builds everything (warnings in our own sources fail the build), then runs every test.
test: deps pyvenv
	@mkdir -p .build
	@$(SWIFT) build --build-tests 2>&1 | tee .build/test-build.log; test $${PIPESTATUS[0]} -eq 0
	@if grep -E "^/.*/(Sources|Plugins|Tests)/.*warning:" .build/test-build.log | grep -v "/.build/" ; then \
	  echo "error: the build has warnings (listed above); Trawl builds with zero warnings"; exit 1; fi
	$(SWIFT) test --skip-build

# Serves the bundled example site on loopback, crawls it and prints the items.
demo: deps
	$(SWIFT) build -c release --product trawl
	$(SWIFT) build -c release --product TrawlDemoServer
	@bash scripts/demo.sh .build/release

bench: build
	$(SWIFT) build -c release --product trawl-parse-floor
	$(SWIFT) build -c release --product TrawlDemoServer
	@bash scripts/bench.sh

clean:
	rm -rf .build cache/*.sqlite* demo-output
