# plan-build — the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev tzdata pkg-config
CONTENT ?= content
OUTPUT ?= output
BIN := .build/debug/plan-build

.PHONY: all deps build site check test bench clean

all: site

# Installs the Debian packages a fresh machine lacks (needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# Builds the example plan in content/ into output/.
site: build
	$(BIN) build --content $(CONTENT) --output $(OUTPUT)

check: build
	$(BIN) check --content $(CONTENT)

# Every test; swift test runs last so its summary line ends the output.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Times check and build (and Hugo, when installed) at 1,000, 10,000 and 50,000
# generated items; prints a table. Not a test. BENCH_ARGS="--sizes 1000 --runs 3".
bench: deps
	$(SWIFT) build -c release
	python3 scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf .build $(OUTPUT)
